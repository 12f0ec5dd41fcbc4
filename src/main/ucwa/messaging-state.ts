// What the messaging commands and the event handler share: the conversations and invitations we
// know, the operations waiting for their outcome, and the mapping from a POST's Location to its
// operation (events may beat the 201 that names them: protocol §10.10, §10.26).
import type { ConversationRecord } from './conversation-record';
import { newConversationRecord } from './conversation-record';
import { UcwaError } from './errors';
import type { FailureReason, UcwaEvent } from './events';
import { PendingOperations } from './pending-operations';
import { idFromUrl } from './resource';

export interface InvitationRecord {
  readonly id: string;
  readonly url: URL;
  readonly direction: 'Incoming' | 'Outgoing';
  readonly conversationId: string;
  accept?: URL;
  decline?: URL;
}

export type SendOutcome = { ok: true } | { ok: false; reason: FailureReason };

export class MessagingState {
  readonly conversations = new Map<string, ConversationRecord>();
  readonly invitations = new Map<string, InvitationRecord>();
  readonly starts = new PendingOperations<string>();
  readonly sends = new PendingOperations<void>();
  readonly operationByHref = new Map<string, string>();
  /** Outgoing results whose operation is known only once the POST's Location arrives. */
  readonly earlyByHref = new Map<string, SendOutcome>();

  constructor(readonly emit: (event: UcwaEvent) => void) {}

  conversation(id: string): ConversationRecord {
    const record = this.conversations.get(id);
    if (record === undefined) throw new UcwaError('not-found', `There is no conversation ${id}.`);
    return record;
  }

  recordFor(url: URL): ConversationRecord {
    const id = idFromUrl(url);
    let record = this.conversations.get(id);
    if (record === undefined) {
      record = newConversationRecord(url);
      this.conversations.set(id, record);
    }
    return record;
  }

  bindOperation(href: string, operationId: string): void {
    this.operationByHref.set(href, operationId);
    const early = this.earlyByHref.get(href);
    if (early === undefined) return;
    this.earlyByHref.delete(href);
    const record = [...this.conversations.values()].find((r) => href.startsWith(r.url.href));
    this.settleSend(record?.id ?? '', operationId, early);
  }

  settleSend(conversationId: string, operationId: string, outcome: SendOutcome): void {
    if (outcome.ok) {
      this.emit({ type: 'messageDelivered', conversationId, operationId });
      this.sends.resolve(operationId, undefined);
    } else {
      this.emit({ type: 'messageFailed', conversationId, operationId, reason: outcome.reason });
      this.sends.reject(operationId, new UcwaError('delivery-failed', outcome.reason.message));
    }
  }
}
