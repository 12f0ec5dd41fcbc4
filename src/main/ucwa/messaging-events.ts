// Messaging events from the server (protocol §6, §10): invitations in both directions, the
// conversation and its messaging modality, messages received and send outcomes, participants
// and typing. Keeps the shared state current and turns it into UcwaEvents.
import type { ConversationRecord } from './conversation-record';
import { applyConversationResource, applyMessagingResource, participantFrom } from './conversation-record';
import { UcwaError } from './errors';
import type { RawEvent } from './event-batch';
import { incomingMessageBody, invitationFirstMessage, reasonOf } from './message-parsing';
import type { InvitationRecord, MessagingState } from './messaging-state';
import { idFromUrl } from './resource';
import type { Resource } from './resource';

export class MessagingEvents {
  constructor(private readonly state: MessagingState) {}

  async handle(event: RawEvent, fetch: (event: RawEvent) => Promise<Resource | undefined>): Promise<void> {
    if (event.sender.rel === 'communication') {
      if (event.rel === 'messagingInvitation') return this.onInvitation(event, await fetch(event));
      if (event.rel === 'conversation') return this.onConversation(event, event.type === 'deleted' ? undefined : await fetch(event));
      return;
    }
    if (event.sender.rel !== 'conversation') return;
    const record = this.state.recordFor(event.sender.url);
    if (event.rel === 'messaging') {
      const resource = await fetch(event);
      if (resource !== undefined) this.onMessaging(record, resource);
    } else if (event.rel === 'message') {
      this.onMessage(record, event, event.resource);
    } else if (event.rel === 'participant') {
      this.onParticipant(record, event);
    }
  }

  private onInvitation(event: RawEvent, resource: Resource | undefined): void {
    if (resource === undefined) return;
    const direction = resource.string('direction') === 'Incoming' ? 'Incoming' : 'Outgoing';
    const conversationUrl = resource.link('conversation')?.url;
    const id = idFromUrl(event.url);
    const operationId = resource.string('operationId');
    let inv = this.state.invitations.get(id);
    if (inv === undefined && conversationUrl !== undefined) {
      const record = this.state.recordFor(conversationUrl);
      inv = { id, url: event.url, direction, conversationId: record.id };
      this.state.invitations.set(id, inv);
      if (operationId !== undefined) this.state.bindOperation(event.url.href, operationId);
      if (direction === 'Incoming' && event.type === 'started') {
        const fromResource = resource.embedded('from');
        const fromLink = resource.link('from');
        const from = participantFrom(fromLink?.url ?? event.url, fromLink?.title, fromResource);
        const first = invitationFirstMessage(resource);
        record.subject = resource.string('subject') ?? '';
        record.remoteUri = from.uri;
        record.participants.set(from.uri.toLowerCase(), from);
        if (first !== undefined) record.firstMessage = { body: first, emitted: false, suppressNext: false, from };
        this.applyInvitationLinks(inv, resource);
        this.state.emit({ type: 'incomingInvitation', invitationId: id, conversationId: record.id, from, subject: record.subject, ...(first === undefined ? {} : { firstMessage: first }) });
      }
    }
    if (inv === undefined) return;
    this.applyInvitationLinks(inv, resource);
    if (event.type !== 'completed') return;
    const op = operationId ?? this.state.operationByHref.get(event.url.href);
    if (event.status === 'Success') {
      this.state.emit({ type: 'invitationCompleted', invitationId: id, conversationId: inv.conversationId, direction: inv.direction });
      if (inv.direction === 'Incoming') this.emitFirstFromInvitation(inv.conversationId);
      if (op !== undefined) this.state.starts.resolve(op, inv.conversationId);
    } else {
      const reason = reasonOf(event.reason, 'The invitation failed.');
      this.state.emit({ type: 'invitationFailed', invitationId: id, conversationId: inv.conversationId, direction: inv.direction, reason });
      if (op !== undefined) this.state.starts.reject(op, new UcwaError('invitation-failed', reason.message, { ...(reason.subcode === undefined ? {} : { subcode: reason.subcode }) }));
    }
  }

  /** accept/decline exist only while the invitation is pending (§6.5). */
  private applyInvitationLinks(inv: InvitationRecord, resource: Resource): void {
    const accept = resource.link('accept')?.url;
    const decline = resource.link('decline')?.url;
    if (accept !== undefined) inv.accept = accept;
    else delete inv.accept;
    if (decline !== undefined) inv.decline = decline;
    else delete inv.decline;
  }

  private onConversation(event: RawEvent, resource: Resource | undefined): void {
    const id = idFromUrl(event.url);
    if (event.type === 'deleted') {
      if (!this.state.conversations.delete(id)) return;
      this.state.sends.rejectTagged(id, new UcwaError('delivery-failed', 'The conversation ended.'));
      this.state.emit({ type: 'conversationEnded', conversationId: id });
      return;
    }
    if (resource === undefined) return;
    const record = this.state.recordFor(event.url);
    const before = record.state;
    applyConversationResource(record, resource);
    if (record.state !== before || event.type === 'added') this.state.emit({ type: 'conversationStateChanged', conversationId: id, state: record.state });
  }

  private onMessaging(record: ConversationRecord, resource: Resource): void {
    const before = record.messaging.state;
    applyMessagingResource(record, resource);
    if (record.messaging.state !== before) this.state.emit({ type: 'messagingStateChanged', conversationId: record.id, state: record.messaging.state, formats: record.messaging.formats });
    if (record.messaging.sendMessage !== undefined) for (const waiter of [...record.connectedWaiters]) waiter();
    record.connectedWaiters.clear();
  }

  private onMessage(record: ConversationRecord, event: RawEvent, resource: Resource | undefined): void {
    const direction = resource?.string('direction');
    const operationId = resource?.string('operationId') ?? this.state.operationByHref.get(event.url.href);
    if (direction === 'Outgoing' || (direction === undefined && operationId !== undefined)) {
      if (event.type !== 'completed') return;
      const outcome = event.status === 'Success' ? ({ ok: true } as const) : ({ ok: false, reason: reasonOf(event.reason, 'The message was not delivered.') } as const);
      if (operationId === undefined) this.state.earlyByHref.set(event.url.href, outcome);
      else this.state.settleSend(record.id, operationId, outcome);
      return;
    }
    if (resource === undefined || event.status === 'Failure' || record.seenMessages.has(event.url.href)) return;
    record.seenMessages.add(event.url.href);
    const body = incomingMessageBody(resource);
    if (body === undefined) return;
    const participant = resource.link('participant');
    const from = participant === undefined ? (record.firstMessage?.from ?? { uri: record.remoteUri ?? 'sip:unknown', name: '' }) : participantFrom(participant.url, participant.title, undefined);
    const first = record.firstMessage;
    if (first !== undefined && first.body.text === body.text) {
      record.firstMessage = undefined;
      if (first.suppressNext) return;
    } else if (first !== undefined) {
      record.firstMessage = undefined;
    }
    const time = resource.property('timeStamp');
    this.state.emit({ type: 'messageReceived', conversationId: record.id, messageId: event.url.href, from, time: parseTime(time), ...body });
  }

  private emitFirstFromInvitation(conversationId: string): void {
    const record = this.state.conversations.get(conversationId);
    const first = record?.firstMessage;
    if (record === undefined || first === undefined || first.emitted) return;
    first.emitted = true;
    first.suppressNext = true;
    this.state.emit({ type: 'messageReceived', conversationId, messageId: `${record.url.href}#invitation`, from: first.from, time: new Date(), ...first.body });
  }

  private onParticipant(record: ConversationRecord, event: RawEvent): void {
    const participant = participantFrom(event.url, event.title, event.resource);
    if (event.in?.rel === 'typingParticipants') {
      this.state.emit({ type: 'typingChanged', conversationId: record.id, participant, isTyping: event.type === 'added' });
      return;
    }
    const key = participant.uri.toLowerCase();
    if (event.type === 'added' && !record.participants.has(key)) {
      record.participants.set(key, participant);
      this.state.emit({ type: 'participantAdded', conversationId: record.id, participant });
    } else if (event.type === 'deleted') {
      record.participants.delete(key);
      this.state.emit({ type: 'participantRemoved', conversationId: record.id, participant });
    }
  }

}

function parseTime(value: unknown): Date {
  if (typeof value === 'string') {
    const match = /Date\((-?\d+)/.exec(value);
    if (match?.[1] !== undefined) return new Date(Number(match[1]));
    const iso = Date.parse(value);
    if (!Number.isNaN(iso)) return new Date(iso);
  }
  return new Date();
}
