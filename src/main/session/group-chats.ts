// Group chats as the user sees them (protocol §6.5, §6.8): a thread with a live participant list,
// started with several people (the first invited, the others added), grown by "add people" (a
// two-party chat escalates: its conversation moves to a new group thread), or joined from an
// onlineMeetingInvitation. Joins and leaves are kept in the history as data ("Carl joined"); the
// renderer words them. A participant who was there before IM connected is no news.
import { randomUUID } from 'node:crypto';
import type { ChatMessage, Person, SystemEventKind } from '../../shared/domain';
import type { UcwaClient, UcwaEvent } from '../ucwa/index';
import type { ConversationStore, Thread } from './conversation-store';

export interface GroupHost {
  readonly store: ConversationStore;
  client(): UcwaClient;
  person(uri: string, name?: string): Person;
  pushThread(thread: Thread): void;
  /** Keeps a line in the thread and history and shows it. */
  keep(thread: Thread, message: ChatMessage): void;
  now(): number;
}

type IncomingInvitation = Extract<UcwaEvent, { type: 'incomingInvitation' }>;

const key = (uri: string): string => uri.toLowerCase();

export class GroupChats {
  constructor(private readonly host: GroupHost) {}

  /** A new group chat with these people; it starts with the first message. */
  create(people: readonly Person[], subject: string): Thread {
    return this.host.store.groupThread(`group:${randomUUID()}`, people, subject);
  }

  /** An invitation into a group chat: its thread is named after the UCWA thread, so a second invitation finds it. */
  incoming(event: IncomingInvitation): Thread {
    const thread = this.host.store.groupThread(`group:${(event.threadId ?? event.conversationId).toLowerCase()}`, [event.from], event.subject);
    if (event.subject !== '') thread.subject = event.subject;
    thread.imConnected = false;
    thread.joined.add(key(event.from.uri));
    return thread;
  }

  /**
   * The two-party chat becomes a group chat (we add people, or the other side did): the conversation
   * moves to a new group thread with the other person in it; the two-party thread stays for later.
   */
  promote(thread: Thread, others: readonly Person[]): Thread {
    const group = this.create([thread.remote, ...others], '');
    if (thread.ucwaId !== undefined && (thread.state === 'connected' || thread.state === 'connecting')) {
      group.ucwaId = thread.ucwaId;
      group.ucwaThreadId = thread.ucwaThreadId;
      group.state = thread.state;
      group.imConnected = thread.state === 'connected';
      group.joined.add(key(thread.remote.uri));
      thread.ucwaId = undefined;
      thread.state = 'idle';
      thread.typing = [];
      this.host.pushThread(thread);
    }
    this.host.pushThread(group);
    return group;
  }

  /** Invites these people into the group's conversation now, or remembers them for its start. */
  async add(thread: Thread, people: readonly Person[]): Promise<void> {
    for (const p of people) if (!thread.participants.has(key(p.uri))) thread.participants.set(key(p.uri), p);
    this.host.pushThread(thread);
    if (thread.ucwaId === undefined || thread.state !== 'connected') return;
    await this.inviteAll(thread, people);
  }

  /** Starts the group's conversation with its first member, the message riding along, then adds the rest (§6.2, §6.8). */
  async start(thread: Thread, body: { text: string; html?: string }, operationId: string): Promise<string> {
    const [first, ...rest] = [...thread.participants.values()];
    if (first === undefined) throw new Error('A group chat needs someone to talk to.');
    const client = this.host.client();
    const id = await client.startConversation({ to: first.uri, message: body, operationId, ...(thread.subject === '' ? {} : { subject: thread.subject }) });
    thread.joined.add(key(first.uri));
    thread.ucwaId = id;
    thread.imConnected = true;
    // Added once the start succeeded; each failure is a line in the chat, not a failed message.
    void this.inviteAll(thread, rest);
    return id;
  }

  private async inviteAll(thread: Thread, people: readonly Person[]): Promise<void> {
    for (const p of people) {
      const id = thread.ucwaId;
      if (id === undefined) return;
      try {
        await this.host.client().addParticipant(id, p.uri);
      } catch {
        thread.participants.delete(key(p.uri));
        this.line(thread, 'add-failed', p);
        this.host.pushThread(thread);
      }
    }
  }

  /** Someone we invited could not be added (declined, no answer, unreachable): a line, and off the list. */
  addFailed(thread: Thread, who: Person): void {
    const k = key(who.uri);
    if (thread.joined.has(k)) return;
    thread.participants.delete(k);
    this.line(thread, 'add-failed', who);
    this.host.pushThread(thread);
  }

  joined(thread: Thread, who: Person): void {
    const k = key(who.uri);
    const news = !thread.joined.has(k) && thread.imConnected;
    thread.joined.add(k);
    thread.participants.set(k, { ...thread.participants.get(k), ...who, name: who.name || thread.participants.get(k)?.name || who.uri });
    if (news) this.line(thread, 'joined', who);
    this.host.pushThread(thread);
  }

  left(thread: Thread, who: Person): void {
    const k = key(who.uri);
    const was = thread.joined.delete(k);
    const known = thread.participants.get(k);
    thread.participants.delete(k);
    thread.typing = thread.typing.filter((n) => n !== (known?.name ?? who.name));
    if (was) this.line(thread, 'left', known ?? who);
    this.host.pushThread(thread);
  }

  /** We left: the conversation is no longer ours; the people stay, so writing again starts the group anew. */
  youLeft(thread: Thread, me: Person): void {
    thread.ucwaId = undefined;
    thread.state = 'idle';
    thread.imConnected = false;
    thread.typing = [];
    thread.joined.clear();
    thread.ended = undefined;
    thread.leftBy = undefined;
    this.line(thread, 'you-left', me);
    this.host.pushThread(thread);
  }

  private line(thread: Thread, kind: SystemEventKind, who: Person): void {
    const time = this.host.now();
    this.host.keep(thread, { id: `system:${kind}:${key(who.uri)}:${time}:${randomUUID().slice(0, 8)}`, conversationId: thread.id, direction: 'in', from: { uri: who.uri, name: who.name }, text: '', time, delivery: 'delivered', system: { kind, who: { uri: who.uri, name: who.name } } });
  }
}
