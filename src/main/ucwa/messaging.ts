// Instant messaging (protocol §6): outgoing and incoming invitations, sending with per-message
// delivery results, receiving, typing, leaving, and messaging again in an idle conversation.
import { randomUUID } from 'node:crypto';
import type { AuthenticatedHttp } from './authenticated-http';
import type { ConversationRecord } from './conversation-record';
import { applyConversationResource, applyMessagingResource, newConversationRecord, participantFrom, sipUri } from './conversation-record';
import { encodeDataUri } from './data-uri';
import { UcwaError } from './errors';
import type { FailureReason, MessageBody, PartyInfo, UcwaEvent } from './events';
import type { RawEvent } from './event-batch';
import { idFromUrl } from './resource';
import type { Resource } from './resource';
import { incomingMessageBody, invitationFirstMessage, reasonOf } from './message-parsing';
import { PendingOperations } from './pending-operations';

interface InvitationRecord {
  readonly id: string;
  readonly url: URL;
  readonly direction: 'Incoming' | 'Outgoing';
  readonly conversationId: string;
  accept?: URL;
  decline?: URL;
}

export interface StartConversationInput {
  readonly to: string;
  readonly subject?: string;
  readonly message?: MessageBody;
  readonly threadId?: string;
}

export interface MessagingTimeouts {
  readonly invitationMs: number;
  readonly deliveryMs: number;
}

export class Messaging {
  private readonly conversations = new Map<string, ConversationRecord>();
  private readonly invitations = new Map<string, InvitationRecord>();
  private readonly starts = new PendingOperations<string>();
  private readonly sends = new PendingOperations<void>();
  private readonly operationByHref = new Map<string, string>();
  /** Outgoing results whose operation is known only once the POST's Location arrives. */
  private readonly earlyByHref = new Map<string, { ok: true } | { ok: false; reason: FailureReason }>();

  constructor(
    private readonly http: AuthenticatedHttp,
    private readonly emit: (event: UcwaEvent) => void,
    private readonly startMessagingUrl: () => URL | undefined,
    private readonly timeouts: MessagingTimeouts,
  ) {}

  conversation(id: string): ConversationRecord {
    const record = this.conversations.get(id);
    if (record === undefined) throw new UcwaError('not-found', `There is no conversation ${id}.`);
    return record;
  }

  conversationIds(): string[] {
    return [...this.conversations.keys()];
  }

  /** Starts messaging; resolves with the conversation id once the other side accepted (§6.2). */
  async start(input: StartConversationInput): Promise<string> {
    const url = this.startMessagingUrl();
    if (url === undefined) throw new UcwaError('not-signed-in', 'Sign in before starting a conversation.');
    const operationId = randomUUID();
    // Registered before the POST: the started/completed events may beat the 201 (§10.10).
    const accepted = this.starts.expect(operationId, this.timeouts.invitationMs, 'Nobody answered the invitation in time.', undefined, invitationTimeout);
    // Handled at once: it may settle while the POST is still in flight.
    accepted.catch(() => undefined);
    const body: Record<string, unknown> = { to: sipUri(input.to), subject: input.subject ?? '', importance: 'Normal', operationId, sessionContext: randomUUID() };
    if (input.threadId !== undefined) body.threadId = input.threadId;
    if (input.message !== undefined) body._links = { message: { href: messageDataUri(input.message) } };
    try {
      await this.http.postJson(url, body);
    } catch (error) {
      this.starts.reject(operationId, asUcwaError(error));
      await accepted.catch(() => undefined);
      throw error;
    }
    const conversationId = await accepted;
    const record = this.conversations.get(conversationId);
    if (record !== undefined) record.remoteUri = sipUri(input.to);
    return conversationId;
  }

  /** Sends one message; resolves when the server reports it delivered (§6.3). One POST in flight per conversation. */
  send(conversationId: string, body: MessageBody): Promise<{ readonly operationId: string }> {
    const record = this.conversation(conversationId);
    const delivered = record.sendChain.then(() => this.sendNow(record, body));
    // The chain waits for each 201 only, so delivery results can overlap (§10.26).
    record.sendChain = delivered.then((r) => r.posted, () => undefined);
    return delivered.then((r) => r.delivery);
  }

  async accept(invitationId: string): Promise<string> {
    const inv = this.invitations.get(invitationId);
    if (inv?.accept === undefined) throw new UcwaError('not-found', 'The invitation can no longer be accepted.');
    await this.http.postEmpty(inv.accept);
    return inv.conversationId;
  }

  async decline(invitationId: string): Promise<void> {
    const inv = this.invitations.get(invitationId);
    if (inv?.decline === undefined) throw new UcwaError('not-found', 'The invitation can no longer be declined.');
    await this.http.postJson(inv.decline, { reason: 'Local' });
  }

  async setTyping(conversationId: string): Promise<void> {
    const url = this.conversation(conversationId).messaging.setIsTyping;
    if (url !== undefined) await this.http.postEmpty(url);
  }

  async stop(conversationId: string): Promise<void> {
    const url = this.conversation(conversationId).messaging.stopMessaging;
    if (url !== undefined) await this.http.postEmpty(url);
  }

  async leave(conversationId: string): Promise<void> {
    const record = this.conversation(conversationId);
    await this.http.send({ method: 'DELETE', url: record.url, headers: { Accept: 'application/json' } });
  }

  /** Invites one more person; the conversation becomes a conference once they join (§6.8). */
  async addParticipant(conversationId: string, to: string): Promise<void> {
    const record = this.conversation(conversationId);
    if (record.addParticipantUrl === undefined) applyConversationResource(record, await this.http.getResource(record.url, 'conversation'));
    if (record.addParticipantUrl === undefined) throw new UcwaError('not-found', 'This conversation cannot add participants now.');
    await this.http.postJson(record.addParticipantUrl, { to: sipUri(to), operationId: randomUUID() });
  }

  async participants(conversationId: string): Promise<PartyInfo[]> {
    const record = this.conversation(conversationId);
    if (record.participantsUrl === undefined) applyConversationResource(record, await this.http.getResource(record.url, 'conversation'));
    if (record.participantsUrl === undefined) return [...record.participants.values()];
    const list = await this.http.getResource(record.participantsUrl, 'participants');
    return list.embeddedList('participant').map((p) => participantFrom(p.link('self')?.url ?? record.participantsUrl ?? record.url, undefined, p));
  }

  /** The application is gone or resumed: every conversation under it is dead (§3.3, §10.33). */
  dropAll(reason: string): void {
    this.starts.rejectAll(new UcwaError('delivery-failed', reason));
    this.sends.rejectAll(new UcwaError('delivery-failed', reason));
    this.earlyByHref.clear();
    for (const id of this.conversations.keys()) this.emit({ type: 'conversationEnded', conversationId: id });
    this.conversations.clear();
    this.invitations.clear();
  }

  async handle(event: RawEvent, fetch: (event: RawEvent) => Promise<Resource | undefined>): Promise<void> {
    if (event.sender.rel === 'communication') {
      if (event.rel === 'messagingInvitation') return this.onInvitation(event, await fetch(event));
      if (event.rel === 'conversation') return this.onConversation(event, event.type === 'deleted' ? undefined : await fetch(event));
      return;
    }
    if (event.sender.rel !== 'conversation') return;
    const record = this.recordFor(event.sender.url);
    if (event.rel === 'messaging') {
      const resource = await fetch(event);
      if (resource !== undefined) this.onMessaging(record, resource);
    } else if (event.rel === 'message') {
      this.onMessage(record, event, event.resource);
    } else if (event.rel === 'participant') {
      this.onParticipant(record, event);
    }
  }

  private async sendNow(record: ConversationRecord, body: MessageBody): Promise<{ posted: void; delivery: Promise<{ operationId: string }> }> {
    if (!this.conversations.has(record.id)) throw new UcwaError('delivery-failed', 'The conversation has ended.');
    if (record.messaging.state !== 'Connected' && record.messaging.addMessaging !== undefined) {
      // The conversation went idle: messaging is added again, this message riding along (§6.7).
      const delivery = this.reinvite(record, body);
      return { posted: undefined, delivery };
    }
    if (record.messaging.sendMessage === undefined) await this.waitConnected(record);
    const target = record.messaging.sendMessage;
    if (target === undefined) throw new UcwaError('delivery-failed', 'Messaging is not connected.');
    const operationId = randomUUID();
    const url = new URL(target);
    url.searchParams.set('operationId', operationId);
    const html = body.html !== undefined && record.messaging.formats.includes('Html');
    const delivery = this.sends.expect(operationId, this.timeouts.deliveryMs, 'The server did not confirm delivery in time.', record.id, () => new UcwaError('delivery-failed', 'The server did not confirm delivery in time; the message may or may not have arrived.'));
    delivery.catch(() => undefined);
    try {
      const res = await this.http.send({
        method: 'POST',
        url,
        headers: { Accept: 'application/json', 'Content-Type': `${html ? 'text/html' : 'text/plain'}; charset=UTF-8` },
        body: html ? (body.html ?? body.text) : body.text,
      });
      const location = res.headers.location;
      if (typeof location === 'string') this.bindOperation(new URL(location, res.url).href, operationId);
    } catch (error) {
      this.sends.reject(operationId, asUcwaError(error));
      await delivery.catch(() => undefined);
      // 409: the other side left before we heard of it (§6.9). Re-read messaging and add it again.
      if (error instanceof UcwaError && error.status === 409 && (await this.refreshMessaging(record)) && record.messaging.addMessaging !== undefined) {
        return { posted: undefined, delivery: this.reinvite(record, body) };
      }
      throw error;
    }
    return { posted: undefined, delivery: delivery.then(() => ({ operationId })) };
  }

  private async reinvite(record: ConversationRecord, body: MessageBody): Promise<{ operationId: string }> {
    const url = record.messaging.addMessaging;
    if (url === undefined) throw new UcwaError('delivery-failed', 'Messaging cannot be added again.');
    const operationId = randomUUID();
    const accepted = this.starts.expect(operationId, this.timeouts.invitationMs, 'Nobody answered the invitation in time.', undefined, invitationTimeout);
    accepted.catch(() => undefined);
    try {
      await this.http.postJson(url, { operationId, _links: { message: { href: messageDataUri(body) } } });
    } catch (error) {
      this.starts.reject(operationId, asUcwaError(error));
      throw error;
    }
    await accepted;
    return { operationId };
  }

  /** Re-reads the messaging resource; true when it was read. */
  private async refreshMessaging(record: ConversationRecord): Promise<boolean> {
    const url = record.messaging.url;
    if (url === undefined) return false;
    try {
      applyMessagingResource(record, await this.http.getResource(url, 'messaging'));
      return true;
    } catch {
      return false;
    }
  }

  private waitConnected(record: ConversationRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        record.connectedWaiters.delete(done);
        reject(new UcwaError('delivery-failed', 'Messaging did not connect in time.'));
      }, this.timeouts.invitationMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      record.connectedWaiters.add(done);
    });
  }

  private onInvitation(event: RawEvent, resource: Resource | undefined): void {
    if (resource === undefined) return;
    const direction = resource.string('direction') === 'Incoming' ? 'Incoming' : 'Outgoing';
    const conversationUrl = resource.link('conversation')?.url;
    const id = idFromUrl(event.url);
    const operationId = resource.string('operationId');
    let inv = this.invitations.get(id);
    if (inv === undefined && conversationUrl !== undefined) {
      const record = this.recordFor(conversationUrl);
      inv = { id, url: event.url, direction, conversationId: record.id };
      this.invitations.set(id, inv);
      if (operationId !== undefined) this.bindOperation(event.url.href, operationId);
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
        this.emit({ type: 'incomingInvitation', invitationId: id, conversationId: record.id, from, subject: record.subject, ...(first === undefined ? {} : { firstMessage: first }) });
      }
    }
    if (inv === undefined) return;
    this.applyInvitationLinks(inv, resource);
    if (event.type !== 'completed') return;
    const op = operationId ?? this.operationByHref.get(event.url.href);
    if (event.status === 'Success') {
      this.emit({ type: 'invitationCompleted', invitationId: id, conversationId: inv.conversationId, direction: inv.direction });
      if (inv.direction === 'Incoming') this.emitFirstFromInvitation(inv.conversationId);
      if (op !== undefined) this.starts.resolve(op, inv.conversationId);
    } else {
      const reason = reasonOf(event.reason, 'The invitation failed.');
      this.emit({ type: 'invitationFailed', invitationId: id, conversationId: inv.conversationId, direction: inv.direction, reason });
      if (op !== undefined) this.starts.reject(op, new UcwaError('invitation-failed', reason.message, { ...(reason.subcode === undefined ? {} : { subcode: reason.subcode }) }));
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
      if (!this.conversations.delete(id)) return;
      this.sends.rejectTagged(id, new UcwaError('delivery-failed', 'The conversation ended.'));
      this.emit({ type: 'conversationEnded', conversationId: id });
      return;
    }
    if (resource === undefined) return;
    const record = this.recordFor(event.url);
    const before = record.state;
    applyConversationResource(record, resource);
    if (record.state !== before || event.type === 'added') this.emit({ type: 'conversationStateChanged', conversationId: id, state: record.state });
  }

  private onMessaging(record: ConversationRecord, resource: Resource): void {
    const before = record.messaging.state;
    applyMessagingResource(record, resource);
    if (record.messaging.state !== before) this.emit({ type: 'messagingStateChanged', conversationId: record.id, state: record.messaging.state, formats: record.messaging.formats });
    if (record.messaging.sendMessage !== undefined) for (const waiter of [...record.connectedWaiters]) waiter();
    record.connectedWaiters.clear();
  }

  private onMessage(record: ConversationRecord, event: RawEvent, resource: Resource | undefined): void {
    const direction = resource?.string('direction');
    const operationId = resource?.string('operationId') ?? this.operationByHref.get(event.url.href);
    if (direction === 'Outgoing' || (direction === undefined && operationId !== undefined)) {
      if (event.type !== 'completed') return;
      const outcome = event.status === 'Success' ? ({ ok: true } as const) : ({ ok: false, reason: reasonOf(event.reason, 'The message was not delivered.') } as const);
      if (operationId === undefined) this.earlyByHref.set(event.url.href, outcome);
      else this.settleSend(record.id, operationId, outcome);
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
    this.emit({ type: 'messageReceived', conversationId: record.id, messageId: event.url.href, from, time: parseTime(time), ...body });
  }

  private emitFirstFromInvitation(conversationId: string): void {
    const record = this.conversations.get(conversationId);
    const first = record?.firstMessage;
    if (record === undefined || first === undefined || first.emitted) return;
    first.emitted = true;
    first.suppressNext = true;
    this.emit({ type: 'messageReceived', conversationId, messageId: `${record.url.href}#invitation`, from: first.from, time: new Date(), ...first.body });
  }

  private onParticipant(record: ConversationRecord, event: RawEvent): void {
    const participant = participantFrom(event.url, event.title, event.resource);
    if (event.in?.rel === 'typingParticipants') {
      this.emit({ type: 'typingChanged', conversationId: record.id, participant, isTyping: event.type === 'added' });
      return;
    }
    const key = participant.uri.toLowerCase();
    if (event.type === 'added' && !record.participants.has(key)) {
      record.participants.set(key, participant);
      this.emit({ type: 'participantAdded', conversationId: record.id, participant });
    } else if (event.type === 'deleted') {
      record.participants.delete(key);
      this.emit({ type: 'participantRemoved', conversationId: record.id, participant });
    }
  }

  private recordFor(url: URL): ConversationRecord {
    const id = idFromUrl(url);
    let record = this.conversations.get(id);
    if (record === undefined) {
      record = newConversationRecord(url);
      this.conversations.set(id, record);
    }
    return record;
  }

  private bindOperation(href: string, operationId: string): void {
    this.operationByHref.set(href, operationId);
    const early = this.earlyByHref.get(href);
    if (early === undefined) return;
    this.earlyByHref.delete(href);
    const record = [...this.conversations.values()].find((r) => href.startsWith(r.url.href));
    this.settleSend(record?.id ?? '', operationId, early);
  }

  private settleSend(conversationId: string, operationId: string, outcome: { ok: true } | { ok: false; reason: FailureReason }): void {
    if (outcome.ok) {
      this.emit({ type: 'messageDelivered', conversationId, operationId });
      this.sends.resolve(operationId, undefined);
    } else {
      this.emit({ type: 'messageFailed', conversationId, operationId, reason: outcome.reason });
      this.sends.reject(operationId, new UcwaError('delivery-failed', outcome.reason.message));
    }
  }
}

function invitationTimeout(): UcwaError {
  return new UcwaError('invitation-failed', 'Nobody answered the invitation in time.', { subcode: 'Timeout' });
}

function asUcwaError(error: unknown): UcwaError {
  return error instanceof UcwaError ? error : new UcwaError('http', error instanceof Error ? error.message : String(error));
}

function messageDataUri(body: MessageBody): string {
  return body.html === undefined ? encodeDataUri('text/plain', body.text) : encodeDataUri('text/html', body.html);
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
