// Instant messaging commands (protocol §6): starting conversations, accepting and declining
// invitations, sending with per-message delivery results, typing, leaving, and messaging again in
// an idle conversation. What the server reports is handled in messaging-events.ts.
import { randomUUID } from 'node:crypto';
import type { AuthenticatedHttp } from './authenticated-http';
import type { ConversationRecord } from './conversation-record';
import { applyConversationResource, applyMessagingResource, participantFrom, sipUri } from './conversation-record';
import { encodeDataUri } from './data-uri';
import { UcwaError } from './errors';
import { headerValue } from './http-transport';
import type { HttpResponse } from './http-transport';
import type { MessageBody, PartyInfo, UcwaEvent } from './events';
import type { RawEvent } from './event-batch';
import type { Resource } from './resource';
import { MessagingEvents } from './messaging-events';
import { MessagingState } from './messaging-state';
import { errorDetail } from '../../shared/error-detail';

/** How long an add that met a vanished conversation waits to hear where the conference went (§6.8). */
const DERIVATION_WAIT_MS = 5_000;
/** A re-invitation names its conversation: it needs no snapshot of the others. */
const NO_CONVERSATIONS: ReadonlySet<string> = new Set();

export interface StartConversationInput {
  readonly to: string;
  readonly subject?: string;
  readonly message?: MessageBody;
  readonly threadId?: string;
  /** Names the invitation in later events, so a caller can recognise a late outcome; default random. */
  readonly operationId?: string;
}

export interface MessagingTimeouts {
  readonly invitationMs: number;
  readonly deliveryMs: number;
}

export class Messaging {
  private readonly state: MessagingState;
  private readonly events: MessagingEvents;

  constructor(
    private readonly http: AuthenticatedHttp,
    emit: (event: UcwaEvent) => void,
    private readonly startMessagingUrl: () => URL | undefined,
    private readonly timeouts: MessagingTimeouts,
  ) {
    this.state = new MessagingState(emit);
    this.events = new MessagingEvents(this.state, (url, rel) => this.http.getResource(url, rel).catch(() => undefined));
    this.state.joinMessaging = (id) => void this.joinMessaging(id).catch(() => undefined);
  }

  /** After joining a group chat from its onlineMeetingInvitation: add IM to the conference (§6.5, §10.23). */
  private async joinMessaging(conversationId: string): Promise<void> {
    const record = this.state.conversations.get(conversationId);
    if (record === undefined || record.messaging.state === 'Connected') return;
    if (record.messaging.addMessaging === undefined) {
      if (record.messaging.url === undefined) applyConversationResource(record, await this.http.getResource(record.url, 'conversation'));
      await this.refreshMessaging(record);
    }
    const url = record.messaging.addMessaging;
    if (url === undefined || record.messaging.state === 'Connected') return;
    const operationId = randomUUID();
    record.joiningMessaging = true;
    try {
      await this.invite(url, { operationId }, operationId, undefined, record.id);
    } finally {
      record.joiningMessaging = false;
    }
  }

  conversation(id: string): ConversationRecord {
    return this.state.conversation(id);
  }

  conversationIds(): string[] {
    return [...this.state.conversations.keys()];
  }

  /** Starts messaging; resolves with the conversation id once the other side accepted (§6.2). */
  async start(input: StartConversationInput): Promise<string> {
    const url = this.startMessagingUrl();
    if (url === undefined) throw new UcwaError('not-signed-in', errorDetail('signInFirst', {}));
    const operationId = input.operationId ?? randomUUID();
    const body: Record<string, unknown> = { to: sipUri(input.to), subject: input.subject ?? '', importance: 'Normal', operationId, sessionContext: randomUUID() };
    if (input.threadId !== undefined) body.threadId = input.threadId;
    if (input.message !== undefined) body._links = { message: { href: messageDataUri(input.message) } };
    const conversationId = await this.invite(url, body, operationId, sipUri(input.to).toLowerCase());
    const record = this.state.conversations.get(conversationId);
    if (record !== undefined) record.remoteUri = sipUri(input.to);
    return conversationId;
  }

  /**
   * Posts an invitation (startMessaging or addMessaging) and waits for its outcome. Registered
   * before the POST: the started/completed events may beat the 201 (§10.10); the 201's Location
   * names the operation for events that carry no operationId. Given up after a while, the
   * invitation is cancelled so that it cannot connect behind our back (§6.2).
   */
  private async invite(url: URL, body: Record<string, unknown>, operationId: string, to: string | undefined, conversationId?: string): Promise<string> {
    this.state.outgoingStarts.set(operationId, { operationId, to, conversationId, before: conversationId === undefined ? new Set(this.state.conversations.keys()) : NO_CONVERSATIONS });
    const accepted = this.state.starts.expect(operationId, this.timeouts.invitationMs, invitationTimeout);
    // Handled at once: it may settle while the POST is still in flight.
    accepted.catch(() => undefined);
    try {
      const res = await this.http.postJson(url, body);
      const location = headerValue(res.headers.location);
      if (location !== undefined) this.state.bindOperation(new URL(location, res.url).href, operationId);
    } catch (error) {
      this.state.outgoingStarts.delete(operationId);
      this.state.starts.reject(operationId, asUcwaError(error));
      await accepted.catch(() => undefined);
      throw error;
    }
    try {
      return await accepted;
    } catch (error) {
      if (!(error instanceof UcwaError && error.code === 'invitation-failed' && error.subcode === 'Timeout')) throw error;
      // The outcome never came, but messaging in its conversation connected: the other side accepted
      // (and got the first message); starting again would say it twice.
      const connected = this.connectedConversationOf(operationId);
      if (connected !== undefined) return connected;
      await this.cancel(operationId);
      throw error;
    }
  }

  private connectedConversationOf(operationId: string): string | undefined {
    const inv = [...this.state.invitations.values()].find((i) => i.operationId === operationId);
    const id = inv?.conversationId ?? this.state.outgoingStarts.get(operationId)?.conversationId;
    const record = id === undefined ? undefined : this.state.conversations.get(id);
    return record?.messaging.state === 'Connected' ? record.id : undefined;
  }

  private async cancel(operationId: string): Promise<void> {
    const inv = [...this.state.invitations.values()].find((i) => i.operationId === operationId);
    if (inv?.cancel === undefined || inv.completed === true) return;
    await this.http.postEmpty(inv.cancel).catch(() => undefined);
  }

  /** Sends one message; resolves when the server reports it delivered (§6.3). One POST in flight per conversation. */
  send(conversationId: string, body: MessageBody): Promise<{ readonly operationId: string }> {
    const record = this.conversation(this.state.liveId(conversationId));
    const delivered = record.sendChain.then(() => this.sendNow(record, body));
    // The chain waits for each 201 only, so delivery results can overlap (§10.26).
    record.sendChain = delivered.then((r) => r.posted, () => undefined);
    return delivered.then((r) => r.delivery);
  }

  async accept(invitationId: string): Promise<string> {
    const inv = this.state.invitations.get(invitationId);
    if (inv?.accept === undefined || inv.conversationId === undefined) throw new UcwaError('not-found', errorDetail('invitationGone', {}));
    await this.http.postEmpty(inv.accept);
    return inv.conversationId;
  }

  async decline(invitationId: string): Promise<void> {
    const inv = this.state.invitations.get(invitationId);
    if (inv?.decline === undefined) throw new UcwaError('not-found', errorDetail('invitationGone', {}));
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
    const record = this.conversation(this.state.liveId(conversationId));
    try {
      await this.inviteParticipant(record, to);
    } catch (error) {
      // The person added just before may have moved the chat into a derived conference (§6.8)
      // that our events have not told of yet: the old conversation is gone. Once they do, add there.
      if (!(error instanceof UcwaError && error.code === 'not-found')) throw error;
      const moved = await this.state.replacementOf(record.id, DERIVATION_WAIT_MS);
      if (moved === undefined) throw error;
      await this.inviteParticipant(this.conversation(moved), to);
    }
  }

  private async inviteParticipant(record: ConversationRecord, to: string): Promise<void> {
    const conversationId = record.id;
    if (record.addParticipantUrl === undefined) applyConversationResource(record, await this.http.getResource(record.url, 'conversation'));
    if (record.addParticipantUrl === undefined) throw new UcwaError('not-found', errorDetail('cannotAddParticipants', {}));
    // Registered before the POST: the outcome may beat the 201 (§10.10); a failure becomes participantAddFailed.
    const operationId = randomUUID();
    this.state.participantAdds.set(operationId, { conversationId, to: sipUri(to) });
    let res: HttpResponse;
    try {
      res = await this.http.postJson(record.addParticipantUrl, { to: sipUri(to), operationId });
    } catch (error) {
      this.state.participantAdds.delete(operationId);
      throw error;
    }
    const location = headerValue(res.headers.location);
    if (location !== undefined) this.state.bindParticipantAdd(new URL(location, res.url).href, operationId);
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
    // What was posted may have arrived before the application went: never to be resent blindly.
    const unconfirmed = new UcwaError('delivery-unconfirmed', errorDetail('mayHaveArrived', {}), { cause: new Error(reason) });
    this.state.starts.rejectAll(unconfirmed);
    this.state.sends.rejectAll(unconfirmed);
    for (const id of [...this.state.conversations.keys()]) this.state.end(id, reason);
    this.state.clear();
  }

  /**
   * After a resync (§5.6) what we cached may be stale: every conversation and its messaging are
   * read again; one the server no longer has has ended.
   */
  async refreshAll(): Promise<void> {
    for (const record of [...this.state.conversations.values()]) {
      try {
        applyConversationResource(record, await this.http.getResource(record.url, 'conversation'));
      } catch (error) {
        if (error instanceof UcwaError && error.code === 'not-found') this.state.end(record.id, 'The conversation ended.');
        continue;
      }
      await this.refreshMessaging(record);
      if (record.messaging.sendMessage !== undefined) for (const waiter of [...record.connectedWaiters]) waiter();
    }
  }

  handle(event: RawEvent, fetch: (event: RawEvent) => Promise<Resource | undefined>): Promise<void> {
    return this.events.handle(event, fetch);
  }

  private async sendNow(record: ConversationRecord, body: MessageBody): Promise<{ posted: void; delivery: Promise<{ operationId: string }> }> {
    // Nothing was sent: the caller may start a new conversation and send it there.
    if (!this.state.conversations.has(record.id)) throw new UcwaError('not-found', errorDetail('conversationEnded', {}));
    // IM is being added to a conference we joined (§6.5): the message waits for it, not a second addMessaging.
    if (record.messaging.sendMessage === undefined && (record.joiningMessaging === true || (record.joinsMessaging === true && record.joinedOnce !== true))) await this.waitConnected(record);
    if (record.messaging.state !== 'Connected' && record.messaging.addMessaging !== undefined) {
      // The conversation went idle: messaging is added again, this message riding along (§6.7).
      const delivery = this.reinvite(record, body);
      return { posted: undefined, delivery };
    }
    if (record.messaging.sendMessage === undefined) await this.waitConnected(record);
    const target = record.messaging.sendMessage;
    if (target === undefined) throw new UcwaError('delivery-failed', errorDetail('messagingNotConnected', {}));
    const operationId = randomUUID();
    const url = new URL(target);
    url.searchParams.set('operationId', operationId);
    const html = body.html !== undefined && record.messaging.formats.includes('Html');
    const delivery = this.state.sends.expect(operationId, this.timeouts.deliveryMs, () => new UcwaError('delivery-unconfirmed', errorDetail('deliveryNotConfirmed', {})), record.id);
    delivery.catch(() => undefined);
    try {
      const res = await this.http.send({
        method: 'POST',
        url,
        headers: { Accept: 'application/json', 'Content-Type': `${html ? 'text/html' : 'text/plain'}; charset=UTF-8` },
        body: html ? (body.html ?? body.text) : body.text,
      });
      const location = headerValue(res.headers.location);
      if (location !== undefined) this.state.bindOperation(new URL(location, res.url).href, operationId);
    } catch (error) {
      this.state.sends.reject(operationId, asUcwaError(error));
      await delivery.catch(() => undefined);
      // 409: the other side left before we heard of it (§6.9). Re-read messaging and add it again.
      if (error instanceof UcwaError && error.status === 409 && (await this.refreshMessaging(record)) && record.messaging.addMessaging !== undefined) {
        return { posted: undefined, delivery: this.reinvite(record, body) };
      }
      // 404: the conversation is gone, perhaps moved into a derived conference (§6.8) that our events
      // have not named yet. Nothing was accepted, so it goes there once they do — not to a new chat
      // with only some of the people.
      if (error instanceof UcwaError && error.code === 'not-found') {
        const moved = await this.state.replacementOf(record.id, DERIVATION_WAIT_MS);
        if (moved !== undefined) return this.sendNow(this.conversation(moved), body);
      }
      throw error;
    }
    return { posted: undefined, delivery: delivery.then(() => ({ operationId })) };
  }

  private async reinvite(record: ConversationRecord, body: MessageBody): Promise<{ operationId: string }> {
    const url = record.messaging.addMessaging;
    if (url === undefined) throw new UcwaError('delivery-failed', errorDetail('messagingCannotBeAdded', {}));
    const operationId = randomUUID();
    try {
      await this.invite(url, { operationId, _links: { message: { href: messageDataUri(body) } } }, operationId, record.remoteUri?.toLowerCase(), record.id);
    } catch (error) {
      // The server refused to add messaging back (nobody left to invite, the conversation gone):
      // nothing was sent, and a new conversation is the way on (§6.7).
      if (error instanceof UcwaError && (error.code === 'not-found' || error.code === 'gone' || (error.code === 'http' && error.status === 409))) {
        this.state.end(record.id, 'The conversation cannot be continued.');
        throw new UcwaError('not-found', errorDetail('conversationCannotContinue', {}), { ...(error.status === undefined ? {} : { status: error.status }) });
      }
      throw error;
    }
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
        reject(new UcwaError('delivery-failed', errorDetail('messagingNotConnectedInTime', {})));
      }, this.timeouts.invitationMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      record.connectedWaiters.add(done);
    });
  }

}

function invitationTimeout(): UcwaError {
  return new UcwaError('invitation-failed', errorDetail('nobodyAnswered', {}), { subcode: 'Timeout' });
}

function asUcwaError(error: unknown): UcwaError {
  return error instanceof UcwaError ? error : new UcwaError('http', error instanceof Error ? error.message : String(error));
}

function messageDataUri(body: MessageBody): string {
  return body.html === undefined ? encodeDataUri('text/plain', body.text) : encodeDataUri('text/html', body.html);
}
