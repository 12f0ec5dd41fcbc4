// What the messaging commands and the event handler share: the conversations and invitations we
// know, our own operations waiting for their outcome, and the mapping from a POST's Location to
// its operation. Events about our own operations are handled from these records: the server may
// report them link-only, before the 201 that names them (§10.10), and answer 404 to a GET of a
// completed operation.
import type { ConversationRecord } from './conversation-record';
import { newConversationRecord } from './conversation-record';
import { UcwaError } from './errors';
import type { EventReason } from './event-batch';
import type { FailureReason, UcwaEvent } from './events';
import { PendingOperations } from './pending-operations';
import { idFromUrl } from './resource';
import { errorDetail } from '../../shared/error-detail';

export interface InvitationRecord {
  readonly id: string;
  readonly url: URL;
  readonly direction: 'Incoming' | 'Outgoing';
  /** onlineMeetingInvitation: a group chat (§6.5). */
  readonly group?: boolean;
  conversationId: string | undefined;
  operationId?: string;
  accept?: URL;
  decline?: URL;
  cancel?: URL;
  completed?: boolean;
}

/** A startMessaging or addMessaging we posted: the invitation it creates is ours. */
export interface OutgoingStart {
  readonly operationId: string;
  /** Who we invited (lower-case SIP URI), to recognise the conversation if the server names none. */
  readonly to: string | undefined;
  conversationId: string | undefined;
  /** The conversations known when it was posted: startMessaging makes a new one, never one of these (§6.2). */
  readonly before: ReadonlySet<string>;
  href?: string;
}

export type SendOutcome = { ok: true } | { ok: false; reason: FailureReason };

/** An operation's completion seen before we knew it was ours (no operationId, Location not yet known). */
export interface EarlyCompletion {
  readonly rel: 'messagingInvitation' | 'message';
  readonly status: string | undefined;
  readonly reason: EventReason | undefined;
  readonly conversationUrl: URL | undefined;
}

/** Completions nobody claims (other endpoints' operations) are kept only this many. */
const MAX_EARLY = 500;

export class MessagingState {
  readonly conversations = new Map<string, ConversationRecord>();
  readonly invitations = new Map<string, InvitationRecord>();
  readonly starts = new PendingOperations<string>();
  readonly sends = new PendingOperations<void>();
  readonly outgoingStarts = new Map<string, OutgoingStart>();
  readonly operationByHref = new Map<string, string>();
  /** Our addParticipant operations by operationId, and by the 201's Location (§6.8). */
  readonly participantAdds = new Map<string, { readonly conversationId: string; readonly to: string }>();
  readonly participantAddByHref = new Map<string, string>();
  /** participantInvitation outcomes seen before the 201 named them. */
  private readonly earlyParticipantOutcomes = new Map<string, { readonly status: string | undefined; readonly reason: EventReason | undefined }>();
  /** Conversations derived from others (§6.8): old id → new id, so a late outcome finds the live one. */
  readonly replacements = new Map<string, string>();
  /** Who waits to hear which conversation replaces an id (see replacementOf). */
  private readonly replacementWaiters = new Map<string, Set<(by: string | undefined) => void>>();
  private readonly early = new Map<string, EarlyCompletion>();
  /** Adds IM to a conference we joined (§6.5); set by the commands. */
  joinMessaging: (conversationId: string) => void = () => undefined;
  /** Called when an early completion finds its operation; set by the event handler. */
  onEarlyBound: (operationId: string, completion: EarlyCompletion, href: string) => void = () => undefined;

  constructor(readonly emit: (event: UcwaEvent) => void) {}

  conversation(id: string): ConversationRecord {
    const record = this.conversations.get(id);
    if (record === undefined) throw new UcwaError('not-found', `There is no conversation ${id}.`);
    return record;
  }

  recordFor(url: URL, id = idFromUrl(url)): ConversationRecord {
    let record = this.conversations.get(id);
    if (record === undefined) {
      record = newConversationRecord(url);
      this.conversations.set(id, record);
    }
    return record;
  }

  /** Our POST's Location names the operation: an event about that href is ours from now on. */
  bindOperation(href: string, operationId: string): void {
    this.operationByHref.set(href, operationId);
    const start = this.outgoingStarts.get(operationId);
    if (start !== undefined) {
      start.href = href;
      // Its started copy may have beaten the 201 without naming the operation: the invitation is ours.
      for (const invitation of this.invitations.values()) if (invitation.url.href === href) invitation.operationId ??= operationId;
    }
    const early = this.early.get(href);
    if (early === undefined) return;
    this.early.delete(href);
    this.onEarlyBound(operationId, early, href);
  }

  /** The live conversation an id now stands for, following derivations. */
  liveId(id: string): string {
    let current = id;
    for (let hops = 0; hops < 10; hops++) {
      const next = this.replacements.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  /** `old` continues as `by` (§6.8): recorded, and told to whoever waits for it. */
  noteReplacement(old: string, by: string): void {
    this.replacements.set(old, by);
    for (const waiter of [...(this.replacementWaiters.get(old) ?? [])]) waiter(by);
  }

  /** The live conversation that replaced `id`, once our events say so; undefined if none did within `ms`. */
  replacementOf(id: string, ms: number): Promise<string | undefined> {
    if (this.replacements.has(id)) return Promise.resolve(this.liveId(id));
    return new Promise((resolve) => {
      const waiters = this.replacementWaiters.get(id) ?? new Set();
      const done = (by: string | undefined): void => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) this.replacementWaiters.delete(id);
        resolve(by === undefined ? undefined : this.liveId(by));
      };
      const timer = setTimeout(() => done(undefined), ms);
      waiters.add(done);
      this.replacementWaiters.set(id, waiters);
    });
  }

  bindParticipantAdd(href: string, operationId: string): void {
    this.participantAddByHref.set(href, operationId);
    const early = this.earlyParticipantOutcomes.get(href);
    if (early === undefined) return;
    this.earlyParticipantOutcomes.delete(href);
    this.settleParticipantAdd(operationId, early.status, early.reason);
  }

  /** A participantInvitation completed: ours fails into `participantAddFailed`; unknown ones wait for their 201 (a few hundred at most). */
  participantOutcome(href: string, operationId: string | undefined, status: string | undefined, reason: EventReason | undefined): void {
    const ours = operationId !== undefined && this.participantAdds.has(operationId) ? operationId : this.participantAddByHref.get(href);
    if (ours !== undefined) {
      this.settleParticipantAdd(ours, status, reason);
      return;
    }
    this.earlyParticipantOutcomes.set(href, { status, reason });
    if (this.earlyParticipantOutcomes.size > MAX_EARLY) this.earlyParticipantOutcomes.delete(this.earlyParticipantOutcomes.keys().next().value as string);
  }

  private settleParticipantAdd(operationId: string, status: string | undefined, reason: EventReason | undefined): void {
    const add = this.participantAdds.get(operationId);
    if (add === undefined) return;
    this.participantAdds.delete(operationId);
    if (status === 'Success') return;
    const why = reason?.message ?? (reason?.subcode === undefined ? 'They could not be added.' : `They could not be added (${reason.subcode}).`);
    this.emit({ type: 'participantAddFailed', conversationId: this.liveId(add.conversationId), participant: { uri: add.to, name: add.to.replace(/^sip:/i, '') }, reason: { ...(reason?.code === undefined ? {} : { code: reason.code }), ...(reason?.subcode === undefined ? {} : { subcode: reason.subcode }), message: why } });
  }

  keepEarly(href: string, completion: EarlyCompletion): void {
    // The 201 may have named it while we were still finding out (a GET in flight): settle now.
    const operationId = this.operationByHref.get(href);
    if (operationId !== undefined) {
      this.onEarlyBound(operationId, completion, href);
      return;
    }
    this.early.set(href, completion);
    if (this.early.size > MAX_EARLY) this.early.delete(this.early.keys().next().value as string);
  }

  /** The conversation a URL lies under (a message or messaging href), if we know it. */
  conversationUnder(url: URL): ConversationRecord | undefined {
    for (const record of this.conversations.values()) if (url.href.startsWith(`${record.url.href}/`)) return record;
    return undefined;
  }

  /** The conversation is over: its pending sends fail, and listeners learn its threadId to continue it later. */
  end(conversationId: string, reason: string): void {
    const record = this.conversations.get(conversationId);
    if (record === undefined) return;
    this.conversations.delete(conversationId);
    // Derived into a conference (§6.8): the thread goes on in the new conversation.
    if (record.replacedBy !== undefined && this.conversations.has(record.replacedBy)) return;
    this.sends.rejectTagged(conversationId, new UcwaError('delivery-unconfirmed', errorDetail('mayHaveArrived', {}), { cause: new Error(reason) }));
    this.emit({ type: 'conversationEnded', conversationId, ...(record.threadId === undefined ? {} : { threadId: record.threadId }) });
  }

  settleSend(conversationId: string, operationId: string, outcome: SendOutcome): void {
    if (outcome.ok) {
      this.emit({ type: 'messageDelivered', conversationId, operationId });
      this.sends.resolve(operationId, undefined);
    } else {
      this.emit({ type: 'messageFailed', conversationId, operationId, reason: outcome.reason });
      this.sends.reject(operationId, new UcwaError('delivery-failed', errorDetail('serverReason', { reason: outcome.reason.message })));
    }
  }

  clear(): void {
    this.early.clear();
    this.outgoingStarts.clear();
    this.operationByHref.clear();
    this.participantAdds.clear();
    this.participantAddByHref.clear();
    this.earlyParticipantOutcomes.clear();
    this.replacements.clear();
    for (const waiters of [...this.replacementWaiters.values()]) for (const waiter of [...waiters]) waiter(undefined);
    this.conversations.clear();
    this.invitations.clear();
  }
}
