// Conversations as the user sees them: one thread per person, incoming and outgoing messages,
// unread counts, typing, history — and the delivery queue behind "sending". The session service
// owns the connection; this owns what is said over it.
import { randomUUID } from 'node:crypto';
import type { ChatMessage, Contact, HistoryPage, Me, Person } from '../../shared/domain';
import { IpcFailure } from '../../shared/ipc-failure';
import { UcwaError } from '../ucwa/index';
import type { UcwaClient, UcwaEvent } from '../ucwa/index';
import { ConversationStore, threadIdFor } from './conversation-store';
import type { Thread } from './conversation-store';
import { DeliveryQueue } from './delivery-queue';
import { InvitationDesk } from './invitation-desk';
import { GroupChats } from './group-chats';
import type { HistoryPort, NotifyPort, Push, WindowPort } from './ports';
import { errorDetail } from '../../shared/error-detail';

export interface ThreadsHost {
  readonly push: Push;
  readonly windows: WindowPort;
  readonly notify: NotifyPort;
  client(): UcwaClient;
  me(): Me | undefined;
  contact(uri: string): Contact | undefined;
  history(): HistoryPort | undefined;
  isUp(): boolean;
  now(): number;
  /** The "Accept incoming chats automatically" setting. */
  autoAccept(): boolean;
}

const TYPING_THROTTLE_MS = 3_000;
/** Newest messages a thread keeps in memory while a persistent history holds the rest. */
const THREAD_MESSAGES_IN_MEMORY = 200;
/** How much of a group chat's history tells who was in it when the app starts again. */
const GROUP_RESTORE_MESSAGES = 200;

export class ThreadsController {
  readonly store = new ConversationStore();
  readonly deliveries: DeliveryQueue;
  private readonly invitations: InvitationDesk;
  readonly groups: GroupChats;
  private readonly lastTypingSent = new Map<string, number>();
  /** Conversations we left: their late events (a message, a join) must not reopen a thread. */
  private readonly leftConversations = new Set<string>();

  constructor(
    private readonly host: ThreadsHost,
    options: { readonly outboxTimeoutMs: number; readonly retryBaseMs: number },
  ) {
    this.deliveries = new DeliveryQueue(
      {
        isUp: () => host.isUp(),
        attempt: (message) => this.attemptDelivery(message),
        failed: (message, reason) => {
          const thread = this.store.thread(message.conversationId);
          if (thread !== undefined) this.finish(thread, { ...message, delivery: 'failed', failureReason: reason });
        },
      },
      { timeoutMs: options.outboxTimeoutMs, retryBaseMs: options.retryBaseMs, maxAttempts: 4 },
    );
    this.invitations = new InvitationDesk({
      notify: host.notify,
      autoAccept: () => host.autoAccept(),
      client: () => host.client(),
      pushThread: (thread) => this.pushThread(thread),
      keep: (thread, message, unread) => {
        if (!this.remember(thread, message)) return;
        if (unread) thread.unread++;
        this.host.push('messageAdded', message);
      },
      now: () => host.now(),
    });
    this.groups = new GroupChats({
      store: this.store,
      client: () => host.client(),
      person: (uri, name) => this.person(uri, name),
      pushThread: (thread) => this.pushThread(thread),
      keep: (thread, message) => {
        if (this.remember(thread, message)) this.host.push('messageAdded', message);
      },
      now: () => host.now(),
    });
  }

  /** Someone by address: the contact we know, else the address itself. */
  person(uri: string, name?: string): Person {
    const sip = /^sip:/i.test(uri) ? uri : `sip:${uri}`;
    const known = this.host.contact(sip);
    return known === undefined ? { uri: sip, name: name ?? sip.replace(/^sip:/i, '') } : { uri: known.uri, name: known.name };
  }

  /** A message from elsewhere (a missed conversation's transcript): kept once, shown, not notified. */
  keepReceived(thread: Thread, message: ChatMessage): void {
    if (!this.remember(thread, message)) return;
    this.host.push('messageAdded', message);
    this.pushThread(thread);
  }

  /** A group chat with these people; nothing is sent until the first message. */
  startGroup(uris: readonly string[], subject: string): Thread {
    const me = this.host.me()?.uri.toLowerCase();
    const people = [...new Map(uris.map((u) => this.person(u)).filter((p) => p.uri.toLowerCase() !== me).map((p) => [p.uri.toLowerCase(), p])).values()];
    if (people.length === 0) throw new IpcFailure('invalid-input', errorDetail('chooseSomeoneElse', {}));
    const thread = this.groups.create(people, subject);
    this.pushThread(thread);
    return thread;
  }

  /** Adds people to a chat: a two-party chat becomes a group chat (its id is returned). */
  async addParticipants(conversationId: string, uris: readonly string[]): Promise<string> {
    const thread = this.requireThread(conversationId);
    const me = this.host.me()?.uri.toLowerCase();
    const people = uris.map((u) => this.person(u)).filter((p) => p.uri.toLowerCase() !== me && !thread.participants.has(p.uri.toLowerCase()) && (thread.group || p.uri.toLowerCase() !== thread.remote.uri.toLowerCase()));
    if (people.length === 0) return thread.id;
    const group = thread.group ? thread : this.groups.promote(thread, []);
    await this.groups.add(group, people);
    return group.id;
  }

  /**
   * Leaves a group chat: DELETE of its conversation (§6.7), a "You left" line, and the thread goes
   * idle. Writing in it afterwards starts the group again with the same people, as a restored group
   * does — the user still sees them listed and expects the chat to work. A group with no live
   * conversation (never started, already left) has nothing to leave: a no-op.
   */
  async leave(conversationId: string): Promise<void> {
    const thread = this.requireThread(conversationId);
    if (!thread.group) throw new IpcFailure('invalid-input', errorDetail('notAGroupChat', {}));
    const ucwaId = thread.ucwaId;
    if (ucwaId === undefined) return;
    this.leftConversations.add(ucwaId);
    try {
      await this.host.client().leaveConversation(ucwaId);
    } catch (error) {
      // Already gone on the server: left all the same. Anything else: still in it, say so.
      if (!(error instanceof UcwaError && error.code === 'not-found')) {
        this.leftConversations.delete(ucwaId);
        throw error;
      }
    }
    const me = this.host.me();
    this.groups.youLeft(thread, { uri: me?.uri ?? '', name: me?.name ?? '' });
  }

  acceptInvitation(conversationId: string): Promise<void> {
    return this.invitations.accept(this.requireThread(conversationId));
  }

  declineInvitation(conversationId: string): Promise<void> {
    return this.invitations.decline(this.requireThread(conversationId));
  }

  threadForUri(uri: string, name?: string): Thread {
    const sip = /^sip:/i.test(uri) ? uri : `sip:${uri}`;
    const existing = this.store.thread(threadIdFor(sip));
    if (existing !== undefined) return existing;
    return this.store.threadFor(this.host.contact(sip) ?? { uri: sip, name: name ?? sip.replace(/^sip:/i, '') });
  }

  requireThread(id: string): Thread {
    const thread = this.store.thread(id);
    if (thread === undefined) throw new IpcFailure('not-found', errorDetail('noSuchConversation', {}));
    return thread;
  }

  send(thread: Thread, text: string, html: string | undefined, retryOf?: string): ChatMessage {
    this.host.client();
    const me = this.host.me() ?? { uri: '', name: '' };
    const message: ChatMessage = { id: retryOf ?? `out:${randomUUID()}`, conversationId: thread.id, direction: 'out', from: { uri: me.uri, name: me.name }, text, ...(html === undefined ? {} : { html }), time: this.host.now(), delivery: 'sending' };
    const isNew = this.remember(thread, message);
    this.host.push(isNew ? 'messageAdded' : 'messageUpdated', message);
    this.pushThread(thread);
    this.deliveries.enqueue(message);
    return message;
  }

  async retry(conversationId: string, messageId: string): Promise<ChatMessage> {
    const thread = this.requireThread(conversationId);
    // The thread keeps only its newest messages in memory; an older failed one is still on disk.
    const failed = thread.messages.find((m) => m.id === messageId) ?? (await this.host.history()?.find(thread.id, messageId));
    if (failed?.delivery !== 'failed') throw new IpcFailure('not-found', errorDetail('noFailedMessage', {}));
    return this.send(thread, failed.text, failed.html, failed.id);
  }

  async setTyping(conversationId: string): Promise<void> {
    const thread = this.requireThread(conversationId);
    const last = this.lastTypingSent.get(thread.id) ?? 0;
    if (thread.ucwaId === undefined || this.host.now() - last < TYPING_THROTTLE_MS) return;
    this.lastTypingSent.set(thread.id, this.host.now());
    await this.host.client().setTyping(thread.ucwaId);
  }

  markRead(conversationId: string): void {
    const thread = this.requireThread(conversationId);
    if (thread.unread === 0) return;
    thread.unread = 0;
    this.pushThread(thread);
  }

  page(conversationId: string, before: string | undefined, limit: number): Promise<HistoryPage> | HistoryPage {
    const thread = this.requireThread(conversationId);
    const history = this.host.history();
    return history === undefined ? this.store.page(thread, before, limit) : history.page(thread.id, before, limit);
  }

  async search(query: string, limit: number): Promise<ChatMessage[]> {
    const history = this.host.history();
    if (history !== undefined) return (await history.search(query, limit)).map((hit) => hit.message);
    const needle = query.toLowerCase();
    return this.store.all().flatMap((t) => t.messages).filter((m) => m.text.toLowerCase().includes(needle)).sort((a, b) => b.time - a.time).slice(0, limit);
  }

  /** Conversations of earlier runs come back from the history, with their last message. */
  async restore(): Promise<void> {
    const history = this.host.history();
    if (history === undefined) return;
    for (const id of await history.conversationIds().catch((): string[] => [])) {
      if (id.startsWith('group:')) {
        await this.restoreGroup(id, history);
        continue;
      }
      if (!id.startsWith('chat:')) continue;
      const last = (await history.page(id, undefined, 1)).messages[0];
      const thread = this.threadForUri(`sip:${id.slice('chat:'.length)}`, last?.direction === 'in' ? last.from.name : undefined);
      if (last !== undefined) this.store.upsert(thread, last);
      this.pushThread(thread);
    }
  }

  /**
   * A group chat of an earlier run: its people are who wrote or joined in its recent history and
   * did not leave afterwards; writing in it starts a new group conversation with them.
   */
  private async restoreGroup(id: string, history: NonNullable<ReturnType<ThreadsHost['history']>>): Promise<void> {
    const recent = [...(await history.page(id, undefined, GROUP_RESTORE_MESSAGES)).messages].sort((x, y) => x.time - y.time);
    const last = recent.at(-1);
    if (last === undefined) return;
    const people = new Map<string, { uri: string; name: string }>();
    for (const m of recent) {
      const who = m.system?.who ?? (m.direction === 'in' ? m.from : undefined);
      if (who === undefined) continue;
      if (m.system?.kind === 'left') people.delete(who.uri.toLowerCase());
      else if (m.system?.kind !== 'add-failed') people.set(who.uri.toLowerCase(), { uri: who.uri, name: who.name || people.get(who.uri.toLowerCase())?.name || who.uri });
    }
    const me = this.host.me()?.uri.toLowerCase();
    const thread = this.store.groupThread(id, [...people.values()].filter((p) => p.uri.toLowerCase() !== me), '');
    this.store.upsert(thread, last);
    this.pushThread(thread);
  }

  /** The application is gone: UCWA conversations died with it; threads stay (§10.33). */
  forgetConversations(): void {
    for (const thread of this.store.all()) {
      thread.ucwaId = undefined;
      if (thread.state !== 'idle') {
        thread.state = 'idle';
        this.pushThread(thread);
      }
    }
  }

  clear(): void {
    this.leftConversations.clear();
    this.deliveries.cancelAll();
    this.store.clear();
  }

  /** Handles the events about conversations; true when it was one of them. */
  onEvent(event: UcwaEvent, client: UcwaClient): boolean {
    if ('conversationId' in event && this.leftConversations.has(event.conversationId)) return true;
    switch (event.type) {
      case 'channelResumed':
        // The server closed our conversations while we were away; threads stay, hrefs do not.
        for (const thread of this.store.all()) thread.ucwaId = undefined;
        return true;
      case 'incomingInvitation': {
        const thread = event.group === true ? this.groups.incoming(event) : this.threadForUri(event.from.uri, event.from.name);
        thread.ucwaId = event.conversationId;
        if (event.threadId !== undefined) thread.ucwaThreadId = event.threadId;
        // A group's subject is the group's to keep (incoming): a later invitation without one leaves it.
        if (event.group !== true) thread.subject = event.subject;
        thread.state = 'incoming';
        this.restarted(thread);
        this.pushThread(thread);
        this.invitations.incoming(thread, event, client);
        return true;
      }
      case 'invitationFailed': {
        const thread = event.direction === 'Incoming' ? this.store.byUcwaId(event.conversationId) : undefined;
        if (thread !== undefined) this.invitations.failed(thread);
        return true;
      }
      case 'invitationCompleted': {
        if (event.operationId !== undefined && this.onLateStart(event.operationId, event.conversationId)) return true;
        // Our start connected: what is said in it from now on belongs to this thread, even before the start returns.
        const starting = event.operationId === undefined ? undefined : this.store.all().find((t) => t.startingOperation === event.operationId);
        // Unless people were added meanwhile and the conversation moved to their group (promote): it stays there.
        if (starting !== undefined && starting.ucwaId === undefined && this.store.byUcwaId(event.conversationId) === undefined) starting.ucwaId = event.conversationId;
        // Accepted, or IM re-added to an ended conversation (addMessaging): connected (again).
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread !== undefined && thread.state !== 'connected') this.connected(thread);
        return true;
      }
      case 'messageReceived':
        this.onIncoming(event);
        return true;
      case 'typingChanged': {
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread === undefined) return true;
        const name = event.participant.name;
        thread.typing = event.isTyping ? [...new Set([...thread.typing, name])] : thread.typing.filter((t) => t !== name);
        this.host.push('typingChanged', { conversationId: thread.id, typing: thread.typing });
        return true;
      }
      case 'participantRemoved': {
        // In a one-to-one chat the other side leaving is the end; the server says so next.
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread?.group === true) this.groups.left(thread, event.participant);
        else if (thread !== undefined && event.participant.uri.toLowerCase() === thread.remote.uri.toLowerCase()) thread.leftBy = event.participant.name || thread.remote.name;
        return true;
      }
      case 'participantAdded': {
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread === undefined) return true;
        const me = this.host.me()?.uri.toLowerCase();
        if (event.participant.uri.toLowerCase() === me) return true;
        // Someone else in our two-party chat: the other side made it a group chat (§6.8).
        if (!thread.group && event.participant.uri.toLowerCase() !== thread.remote.uri.toLowerCase()) this.groups.joined(this.groups.promote(thread, []), event.participant);
        else if (thread.group) this.groups.joined(thread, event.participant);
        return true;
      }
      case 'participantAddFailed': {
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread?.group === true) this.groups.addFailed(thread, this.person(event.participant.uri));
        return true;
      }
      case 'messagingStateChanged': {
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread !== undefined && event.state === 'Connected') thread.imConnected = true;
        return true;
      }
      case 'conversationReplaced': {
        // Escalation derived a new conversation on the same thread (§6.8): the chat follows it.
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread !== undefined) thread.ucwaId = event.by;
        return true;
      }
      case 'conversationStateChanged': {
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread === undefined) return true;
        // Disconnected but not deleted: the conversation stays, and sending again re-adds IM to it
        // (addMessaging, protocol §6.7); Connected again is that restart.
        if (event.state === 'Disconnected') this.ended(thread, false);
        else if ((event.state === 'Connected' || event.state === 'Conferenced') && thread.state === 'ended') this.connected(thread);
        return true;
      }
      case 'conversationEnded': {
        const thread = this.store.byUcwaId(event.conversationId);
        if (thread !== undefined && event.threadId !== undefined) thread.ucwaThreadId = event.threadId;
        if (thread !== undefined) this.ended(thread, true);
        return true;
      }
      default:
        return false;
    }
  }

  /**
   * The conversation is over: the chat says so. Writing again restarts it — in the same
   * conversation while the server keeps it, in a new one once it is `deleted`.
   */
  private ended(thread: Thread, deleted: boolean): void {
    // An invitation nobody answered ends as a missed one, not as a conversation.
    if (this.invitations.failed(thread)) return;
    if (deleted) thread.ucwaId = undefined;
    if (thread.state === 'ended') return;
    thread.state = 'ended';
    thread.typing = [];
    thread.ended = { at: this.host.now(), ...(thread.leftBy === undefined ? {} : { by: thread.leftBy }) };
    thread.leftBy = undefined;
    this.pushThread(thread);
  }

  private connected(thread: Thread): void {
    thread.state = 'connected';
    this.restarted(thread);
    this.pushThread(thread);
  }

  /** A new conversation in this thread: whatever ended before is history. */
  private restarted(thread: Thread): void {
    thread.ended = undefined;
    thread.leftBy = undefined;
  }

  pushThread(thread: Thread): void {
    this.host.push('conversationChanged', this.store.summary(thread));
    this.host.push('unreadChanged', { conversationId: thread.id, unread: thread.unread, total: this.store.unreadTotal() });
  }

  private onIncoming(event: Extract<UcwaEvent, { type: 'messageReceived' }>): void {
    const thread = this.store.byUcwaId(event.conversationId) ?? this.threadForUri(event.from.uri, event.from.name);
    thread.ucwaId ??= event.conversationId;
    thread.typing = thread.typing.filter((t) => t !== event.from.name);
    const message: ChatMessage = { id: `in:${event.messageId}`, conversationId: thread.id, direction: 'in', from: event.from, text: event.text, ...(event.html === undefined ? {} : { html: event.html }), time: event.time.getTime(), delivery: 'delivered' };
    // Exactly once: a redelivered event has the same id and is not shown or notified again.
    if (!this.remember(thread, message)) return;
    const focused = this.host.windows.isChatFocused(thread.id);
    if (!focused) thread.unread++;
    this.host.push('messageAdded', message);
    this.pushThread(thread);
    if (!focused) {
      const title = this.store.summary(thread).title;
      if (thread.group) this.host.notify.incomingMessage(message, title, title);
      else this.host.notify.incomingMessage(message, thread.remote.name);
    }
  }

  /** The history could not save some of a conversation's messages (or now has): the chat says so. */
  historyUnsaved(conversationId: string, unsaved: Thread['unsaved']): void {
    const thread = this.store.thread(conversationId);
    if (thread === undefined) return;
    thread.unsaved = unsaved;
    this.pushThread(thread);
  }

  /**
   * Keeps a message in the model and, where there is one, in the persistent history. The save is
   * not awaited and cannot fail: a refused write comes back through `historyUnsaved`.
   */
  private remember(thread: Thread, message: ChatMessage): boolean {
    const isNew = this.store.upsert(thread, message);
    const history = this.host.history();
    if (history !== undefined) {
      void history.save(message);
      this.store.trim(thread, THREAD_MESSAGES_IN_MEMORY);
    }
    return isNew;
  }

  private finish(thread: Thread, update: ChatMessage): void {
    this.remember(thread, update);
    this.host.push('messageUpdated', update);
    this.pushThread(thread);
  }

  /**
   * An invitation we had given up on was accepted after all: the message riding on it arrived.
   * It is marked delivered (never sent again), and the thread continues in that conversation.
   */
  private onLateStart(operationId: string, conversationId: string): boolean {
    const thread = this.store.byPendingStart(operationId);
    const messageId = thread?.pendingStarts.get(operationId);
    if (thread === undefined || messageId === undefined) return false;
    thread.pendingStarts.delete(operationId);
    thread.ucwaId ??= conversationId;
    thread.state = 'connected';
    const message = thread.messages.find((m) => m.id === messageId);
    if (message !== undefined && message.delivery !== 'delivered') {
      const delivered: ChatMessage = { ...message, delivery: 'delivered', deliveryNote: 'reachedAfterAll' };
      delete (delivered as { failureReason?: unknown }).failureReason;
      this.finish(thread, delivered);
    } else this.pushThread(thread);
    return true;
  }

  /** One try: start the conversation (the message rides along, §6.2) or send in the open one. */
  private async attemptDelivery(message: ChatMessage): Promise<void> {
    const client = this.host.client();
    const thread = this.requireThread(message.conversationId);
    const body = { text: message.text, ...(message.html === undefined ? {} : { html: message.html }) };
    // Delivered meanwhile by an invitation that was accepted late (a retry of it must not resend).
    if (thread.messages.find((m) => m.id === message.id)?.delivery === 'delivered') return;
    try {
      if (thread.ucwaId === undefined) {
        thread.state = 'connecting';
        this.restarted(thread);
        this.pushThread(thread);
        const operationId = randomUUID();
        thread.startingOperation = operationId;
        const id = thread.group ? await this.groups.start(thread, body, operationId) : await this.start(client, thread, message.id, body, operationId);
        thread.startingOperation = undefined;
        // A conversation moved to a group while the start was on its way (people added) stays the group's.
        const owner = this.store.byUcwaId(id);
        if (owner === undefined || owner === thread) {
          thread.ucwaId = id;
          thread.state = 'connected';
        }
      } else await client.sendMessage(thread.ucwaId, body);
    } catch (error) {
      thread.startingOperation = undefined;
      if (thread.state === 'connecting') thread.state = 'idle';
      // A conversation that died under the message is started afresh on the next try.
      if (error instanceof UcwaError && (error.code === 'not-found' || error.code === 'delivery-failed' || error.code === 'delivery-unconfirmed')) thread.ucwaId = undefined;
      throw error;
    }
    this.finish(thread, { ...message, delivery: 'delivered' });
  }

  /** Starts messaging, continuing the thread of the last conversation where the server knows it (§6.7, §10.21). */
  private async start(client: UcwaClient, thread: Thread, messageId: string, body: { text: string; html?: string }, operationId = randomUUID()): Promise<string> {
    const threadId = thread.ucwaThreadId;
    try {
      return await client.startConversation({ to: thread.remote.uri, message: body, operationId, ...(threadId === undefined ? {} : { threadId }) });
    } catch (error) {
      // The server still has a conversation on that thread (409 ThreadIdAlreadyExists, §8.4): start a fresh one instead.
      if (threadId !== undefined && error instanceof UcwaError && error.subcode === 'ThreadIdAlreadyExists') {
        thread.ucwaThreadId = undefined;
        return this.start(client, thread, messageId, body);
      }
      // The server may have started it all the same (an answer lost with the connection, an
      // invitation accepted after it timed out): its late outcome is recognised by its operationId.
      thread.pendingStarts.set(operationId, messageId);
      throw error;
    }
  }
}
