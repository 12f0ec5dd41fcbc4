// Messaging events from the server (protocol §6, §10): invitations in both directions, the
// conversation and its messaging modality, messages received and send outcomes, participants
// and typing. Keeps the shared state current and turns it into UcwaEvents.
//
// Events about our own operations are handled from our own records: a server may send them
// link-only, skip the intermediate ones (§5.4, §10.17), send them before the POST's 201 (§10.10),
// and answer 404 to a GET of a completed operation. A GET is only ever a way to learn more.
import type { ConversationRecord } from './conversation-record';
import { applyConversationResource, applyMessagingResource, participantFrom } from './conversation-record';
import { UcwaError } from './errors';
import type { EventReason, RawEvent } from './event-batch';
import { incomingMessageBody, invitationFirstMessage, reasonOf } from './message-parsing';
import type { EarlyCompletion, InvitationRecord, MessagingState, OutgoingStart } from './messaging-state';
import { idFromUrl } from './resource';
import type { Resource } from './resource';
import { errorDetail } from '../../shared/error-detail';

/** Reads a resource; undefined when it cannot be read (gone, refused, malformed). */
export type ReadResource = (url: URL, rel: string) => Promise<Resource | undefined>;

export class MessagingEvents {
  constructor(
    private readonly state: MessagingState,
    private readonly read: ReadResource,
  ) {
    state.onEarlyBound = (operationId, completion, href) => void this.applyEarly(operationId, completion, href);
  }

  async handle(event: RawEvent, fetch: (event: RawEvent) => Promise<Resource | undefined>): Promise<void> {
    if (event.sender.rel === 'communication') {
      if (event.rel === 'messagingInvitation' || event.rel === 'onlineMeetingInvitation') return this.onInvitation(event, fetch);
      if (event.rel === 'missedItems') return this.state.emit({ type: 'missedItemsChanged' });
      if (event.rel === 'participantInvitation') return this.onParticipantInvitation(event);
      if (event.rel === 'conversation') return this.onConversation(event, event.type === 'deleted' ? undefined : await fetch(event));
      return;
    }
    if (event.sender.rel !== 'conversation') return;
    const id = idFromUrl(event.sender.url);
    const fresh = !this.state.conversations.has(id);
    const record = this.state.recordFor(event.sender.url, id);
    // A conversation first heard of through its own events (its `added` aggregated away, §5.4) is
    // read once: it may be a conference derived from one we know (§6.8), which its thread tells.
    if (fresh) await this.learnDerivation(record);
    if (event.rel === 'messaging') {
      const resource = await fetch(event);
      if (resource !== undefined) this.onMessaging(record, resource);
    } else if (event.rel === 'message') {
      await this.onMessage(record, event, fetch);
    } else if (event.rel === 'participant') {
      this.onParticipant(record, event);
    }
  }

  private async onInvitation(event: RawEvent, fetch: (event: RawEvent) => Promise<Resource | undefined>): Promise<void> {
    const id = idFromUrl(event.url);
    const ourOperation = this.state.operationByHref.get(event.url.href);
    let inv = this.state.invitations.get(id);
    let resource = event.resource;
    // A known invitation's completion needs no GET (the server may well answer 404 by now).
    if (resource === undefined && inv === undefined && !(ourOperation !== undefined && event.type === 'completed')) resource = await fetch(event);
    if (inv === undefined) {
      inv = this.newInvitation(event, resource, ourOperation);
      if (inv === undefined) return;
    }
    if (resource !== undefined) {
      this.applyInvitationLinks(inv, resource);
      const conversationUrl = resource.link('conversation')?.url;
      if (inv.conversationId === undefined && conversationUrl !== undefined) inv.conversationId = this.state.recordFor(conversationUrl).id;
    }
    if (event.type !== 'completed' || inv.completed === true) return;
    await this.complete(inv, event.status === 'Success', event.reason);
  }

  private newInvitation(event: RawEvent, resource: Resource | undefined, ourOperation: string | undefined): InvitationRecord | undefined {
    if (resource === undefined && ourOperation === undefined) {
      // Perhaps ours, before the 201 named it: kept until a Location claims it.
      if (event.type === 'completed') this.state.keepEarly(event.url.href, { rel: 'messagingInvitation', status: event.status, reason: event.reason, conversationUrl: undefined });
      return undefined;
    }
    const direction = resource?.string('direction') === 'Incoming' ? 'Incoming' : 'Outgoing';
    const conversationUrl = resource?.link('conversation')?.url;
    const record = conversationUrl === undefined ? undefined : this.state.recordFor(conversationUrl);
    // The invitation names the thread too: the conversation itself may never be read (link-only, aggregated).
    const threadId = resource?.string('threadId');
    if (record !== undefined && threadId !== undefined) record.threadId ??= threadId;
    const operationId = resource?.string('operationId') ?? ourOperation;
    const group = event.rel === 'onlineMeetingInvitation';
    const inv: InvitationRecord = { id: idFromUrl(event.url), url: event.url, direction, conversationId: record?.id, ...(group ? { group } : {}), ...(operationId === undefined ? {} : { operationId }) };
    // The invitation links the conversation's messaging: where IM is added after joining (§6.5).
    const messagingUrl = resource?.link('messaging')?.url;
    if (record !== undefined && messagingUrl !== undefined) record.messaging.url ??= messagingUrl;
    if (record !== undefined && group) record.joinsMessaging = true;
    this.state.invitations.set(inv.id, inv);
    if (operationId !== undefined && direction === 'Outgoing') {
      const start = this.state.outgoingStarts.get(operationId);
      if (start !== undefined && record !== undefined) start.conversationId ??= record.id;
      this.state.bindOperation(event.url.href, operationId);
    }
    if (direction === 'Incoming' && resource !== undefined && record !== undefined && event.type === 'started') this.announceIncoming(inv, resource, record, event.url);
    return inv;
  }

  private announceIncoming(inv: InvitationRecord, resource: Resource, record: ConversationRecord, url: URL): void {
    const fromLink = resource.link('from');
    const from = participantFrom(fromLink?.url ?? url, fromLink?.title, resource.embedded('from'));
    const first = invitationFirstMessage(resource);
    const subject = resource.string('subject') ?? '';
    record.threadId = resource.string('threadId') ?? record.threadId;
    record.remoteUri = from.uri;
    record.participants.set(from.uri.toLowerCase(), from);
    if (first !== undefined) record.firstMessage = { body: first, emitted: false, suppressNext: false, from };
    this.applyInvitationLinks(inv, resource);
    this.state.emit({ type: 'incomingInvitation', invitationId: inv.id, conversationId: record.id, from, subject, ...(first === undefined ? {} : { firstMessage: first }), ...(record.threadId === undefined ? {} : { threadId: record.threadId }), ...(inv.group === true ? { group: true } : {}) });
  }

  /** accept/decline/cancel exist only while the invitation is pending (§6.2, §6.5). */
  private applyInvitationLinks(inv: InvitationRecord, resource: Resource): void {
    for (const rel of ['accept', 'decline', 'cancel'] as const) {
      const url = resource.link(rel)?.url;
      if (url !== undefined) inv[rel] = url;
      else delete inv[rel];
    }
  }

  private async complete(inv: InvitationRecord, success: boolean, reason: EventReason | undefined): Promise<void> {
    inv.completed = true;
    delete inv.accept;
    delete inv.decline;
    delete inv.cancel;
    if (inv.direction === 'Outgoing' && inv.operationId !== undefined) {
      await this.completeOutgoing(inv.operationId, success, reason, inv);
      return;
    }
    if (inv.conversationId === undefined) return;
    if (success) {
      this.state.emit({ type: 'invitationCompleted', invitationId: inv.id, conversationId: inv.conversationId, direction: inv.direction });
      if (inv.direction === 'Incoming') this.emitFirstFromInvitation(inv.conversationId);
      // Joined the meeting: IM is not part of it until we add it (§6.5, §10.23).
      if (inv.direction === 'Incoming' && inv.group === true) this.state.joinMessaging(inv.conversationId);
    } else {
      this.state.emit({ type: 'invitationFailed', invitationId: inv.id, conversationId: inv.conversationId, direction: inv.direction, reason: reasonOf(reason, 'The invitation failed.') });
    }
  }

  /** The outcome of our startMessaging/addMessaging: settles whoever waits for it (§6.2). */
  private async completeOutgoing(operationId: string, success: boolean, reason: EventReason | undefined, inv: InvitationRecord | undefined): Promise<void> {
    const start = this.state.outgoingStarts.get(operationId);
    this.state.outgoingStarts.delete(operationId);
    let conversationId = inv?.conversationId ?? start?.conversationId;
    if (success && conversationId === undefined && start !== undefined) conversationId = await this.findConversation(start);
    if (inv !== undefined && conversationId !== undefined) inv.conversationId = conversationId;
    const invitationId = inv?.id ?? operationId;
    if (success) {
      if (conversationId === undefined) {
        this.state.starts.reject(operationId, new UcwaError('malformed-response', errorDetail('malformedAnswer', {}), { cause: new Error('The invitation was accepted, but the server never said in which conversation.') }));
        return;
      }
      await this.learnThread(conversationId);
      this.state.emit({ type: 'invitationCompleted', invitationId, conversationId, direction: 'Outgoing', operationId });
      this.state.starts.resolve(operationId, conversationId);
    } else {
      const failure = reasonOf(reason, 'The invitation failed.');
      if (conversationId !== undefined) this.state.emit({ type: 'invitationFailed', invitationId, conversationId, direction: 'Outgoing', reason: failure, operationId });
      this.state.starts.reject(operationId, new UcwaError('invitation-failed', reason?.message === undefined ? errorDetail('invitationFailed', {}) : errorDetail('serverReason', { reason: reason.message }), { ...(failure.subcode === undefined ? {} : { subcode: failure.subcode }) }));
    }
  }

  /**
   * The thread of a conversation we started, to continue it after the server ends it (§6.7): when
   * neither the invitation nor the conversation was ever seen in full, the conversation is read once.
   */
  private async learnThread(conversationId: string): Promise<void> {
    const record = this.state.conversations.get(conversationId);
    if (record === undefined || record.threadId !== undefined) return;
    const conversation = await this.read(record.url, 'conversation');
    if (conversation !== undefined) applyConversationResource(record, conversation);
  }

  /**
   * The server told us our invitation succeeded but named no conversation (the started event
   * aggregated away, the completed one link-only and the invitation gone): the conversation is the
   * one no other invitation claims, new since we posted, whose participants include the person we invited.
   */
  private async findConversation(start: OutgoingStart): Promise<string | undefined> {
    const to = start.to;
    const claimed = new Set<string | undefined>(start.before);
    for (const invitation of this.state.invitations.values()) claimed.add(invitation.conversationId);
    for (const other of this.state.outgoingStarts.values()) claimed.add(other.conversationId);
    const candidates = [...this.state.conversations.values()].filter((r) => !claimed.has(r.id));
    if (to === undefined) return candidates.length === 1 ? candidates[0]?.id : undefined;
    const known = candidates.find((r) => r.participants.has(to));
    if (known !== undefined) return known.id;
    for (const record of candidates) {
      if (record.participantsUrl === undefined) {
        const conversation = await this.read(record.url, 'conversation');
        if (conversation !== undefined) applyConversationResource(record, conversation);
      }
      if (record.participantsUrl === undefined) continue;
      const list = await this.read(record.participantsUrl, 'participants');
      const uris = (list?.embeddedList('participant') ?? []).map((p) => p.string('uri')?.toLowerCase());
      if (uris.includes(to)) return record.id;
    }
    return candidates.length === 1 ? candidates[0]?.id : undefined;
  }

  /** A completion kept before its Location named it, now known to be ours. */
  private async applyEarly(operationId: string, completion: EarlyCompletion, href: string): Promise<void> {
    const success = completion.status === 'Success';
    if (completion.rel === 'messagingInvitation') {
      const inv = this.state.invitations.get(idFromUrl(new URL(href)));
      await this.completeOutgoing(operationId, success, completion.reason, inv);
      return;
    }
    const record = completion.conversationUrl === undefined ? this.state.conversationUnder(new URL(href)) : this.state.conversations.get(idFromUrl(completion.conversationUrl));
    this.state.settleSend(record?.id ?? '', operationId, success ? { ok: true } : { ok: false, reason: reasonOf(completion.reason, 'The message was not delivered.') });
  }

  private onConversation(event: RawEvent, resource: Resource | undefined): void {
    const id = idFromUrl(event.url);
    if (event.type === 'deleted') {
      this.state.end(id, 'The conversation ended.');
      return;
    }
    if (resource === undefined) return;
    const record = this.state.recordFor(event.url);
    const before = record.state;
    applyConversationResource(record, resource);
    const derived = resource.link('derivedConversation')?.url;
    if (derived !== undefined) this.replace(record, this.state.recordFor(derived));
    else if (event.reason?.subcode === 'DerivedConversation' || record.state === 'Conferenced') this.replaceByThread(record);
    if (record.state !== before || event.type === 'added') this.state.emit({ type: 'conversationStateChanged', conversationId: id, state: record.state });
  }

  /** Our addParticipant's outcome (§6.8): matched by the copy's operationId or the 201's Location; no GET (it may be gone). */
  private onParticipantInvitation(event: RawEvent): void {
    const operationId = event.resource?.string('operationId');
    if (event.type !== 'completed') {
      if (operationId !== undefined && this.state.participantAdds.has(operationId)) this.state.bindParticipantAdd(event.url.href, operationId);
      return;
    }
    this.state.participantOutcome(event.url.href, operationId, event.status, event.reason);
  }

  private async learnDerivation(record: ConversationRecord): Promise<void> {
    const conversation = await this.read(record.url, 'conversation');
    if (conversation === undefined) return;
    applyConversationResource(record, conversation);
    if (record.state === 'Conferenced') this.replaceByThread(record);
  }

  /** A conference on the thread of a live two-party conversation is derived from it (§6.8): follow the thread, not the old href. */
  private replaceByThread(record: ConversationRecord): void {
    if (record.threadId === undefined) return;
    const old = [...this.state.conversations.values()].find((r) => r !== record && r.threadId === record.threadId && r.replacedBy === undefined);
    if (old !== undefined) this.replace(old, record);
  }

  private replace(old: ConversationRecord, by: ConversationRecord): void {
    if (old === by || old.replacedBy === by.id) return;
    old.replacedBy = by.id;
    this.state.noteReplacement(old.id, by.id);
    by.threadId ??= old.threadId;
    by.remoteUri ??= old.remoteUri;
    for (const [key, participant] of old.participants) if (!by.participants.has(key)) by.participants.set(key, participant);
    this.state.emit({ type: 'conversationReplaced', conversationId: old.id, by: by.id });
  }

  private onMessaging(record: ConversationRecord, resource: Resource): void {
    const before = record.messaging.state;
    applyMessagingResource(record, resource);
    if (record.messaging.state !== before) this.state.emit({ type: 'messagingStateChanged', conversationId: record.id, state: record.messaging.state, formats: record.messaging.formats });
    // Waiters stay until messaging can send: a Connecting update on the way must not drop them.
    if (record.messaging.sendMessage === undefined) return;
    for (const waiter of [...record.connectedWaiters]) waiter();
    record.connectedWaiters.clear();
  }

  private async onMessage(record: ConversationRecord, event: RawEvent, fetch: (event: RawEvent) => Promise<Resource | undefined>): Promise<void> {
    const ours = this.state.operationByHref.get(event.url.href);
    if (ours !== undefined) {
      if (event.type === 'completed') this.state.settleSend(record.id, ours, sendOutcome(event));
      return;
    }
    if (record.seenMessages.has(event.url.href)) return;
    const resource = event.resource ?? (await fetch(event));
    if (resource === undefined) {
      // Our own message completing before the 201 named it, or gone already: kept for a Location.
      if (event.type === 'completed') this.state.keepEarly(event.url.href, { rel: 'message', status: event.status, reason: event.reason, conversationUrl: record.url });
      return;
    }
    const direction = resource.string('direction');
    const operationId = resource.string('operationId');
    if (direction === 'Outgoing' || (direction === undefined && operationId !== undefined)) {
      if (event.type === 'completed' && operationId !== undefined) this.state.settleSend(record.id, operationId, sendOutcome(event));
      else if (event.type === 'completed') this.state.keepEarly(event.url.href, { rel: 'message', status: event.status, reason: event.reason, conversationUrl: record.url });
      // Its later events may come link-only, before the 201: the copy already names the operation.
      else if (operationId !== undefined) this.state.bindOperation(event.url.href, operationId);
      return;
    }
    if (event.status === 'Failure') return;
    const body = incomingMessageBody(resource);
    if (body === undefined) return;
    record.seenMessages.add(event.url.href);
    const participant = resource.link('participant');
    const from = participant === undefined ? (record.firstMessage?.from ?? { uri: record.remoteUri ?? 'sip:unknown', name: '' }) : participantFrom(participant.url, participant.title, undefined);
    const first = record.firstMessage;
    if (first !== undefined) {
      record.firstMessage = undefined;
      if (first.body.text === body.text && first.suppressNext) return;
    }
    this.state.emit({ type: 'messageReceived', conversationId: record.id, messageId: event.url.href, from, time: parseTime(resource.property('timeStamp')), ...body });
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

function sendOutcome(event: RawEvent): { ok: true } | { ok: false; reason: ReturnType<typeof reasonOf> } {
  return event.status === 'Success' ? { ok: true } : { ok: false, reason: reasonOf(event.reason, 'The message was not delivered.') };
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
