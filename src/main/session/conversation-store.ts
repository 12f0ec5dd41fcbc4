// Conversations as the user sees them: one thread per person, its messages in order, unread
// counts. UCWA conversation ids come and go (§10.21, §10.33); threads stay. In memory for now —
// the persistent history belongs to the "never lose a message" work.
import type { ChatMessage, ConversationState, ConversationSummary, HistoryPage, Person } from '../../shared/domain';
import { previewText } from '../../shared/message-preview';

export interface Thread {
  readonly id: string;
  readonly remote: Person;
  subject: string;
  state: ConversationState;
  ucwaId: string | undefined;
  /** The UCWA threadId of the last conversation, to continue the same thread when writing again (§6.7, §10.21). */
  ucwaThreadId: string | undefined;
  /** The operation of the start in flight: its conversation is ours before the start returns (a reply may come first). */
  startingOperation?: string | undefined;
  /** Invitations we gave up waiting for, whose outcome may still arrive: operationId → the message riding on it. */
  readonly pendingStarts: Map<string, string>;
  unread: number;
  typing: string[];
  readonly messages: ChatMessage[];
  /** Set while the history could not save some of its messages. */
  unsaved: { readonly count: number; readonly reason: string } | undefined;
  /** Who left, once the other side has left (kept until the conversation ends or restarts). */
  leftBy: string | undefined;
  ended: { readonly at: number; readonly by?: string } | undefined;
  /** A group chat (protocol §6.8): `participants` are everyone else in it or invited to it. */
  group: boolean;
  readonly participants: Map<string, Person>;
  /** Who has actually joined (lower-case URIs): a join or a leave of them is a line in the chat. */
  readonly joined: Set<string>;
  /** IM is up in the current conversation: participants arriving before it were there already. */
  imConnected: boolean;
  /** An invitation waiting for the user's answer (chats not accepted automatically). */
  invitation: { readonly id: string; readonly from: { readonly uri: string; readonly name: string }; readonly firstMessage?: { readonly text: string; readonly html?: string } } | undefined;
}

function newThread(id: string, remote: Person): Thread {
  return { id, remote, subject: '', state: 'idle', ucwaId: undefined, ucwaThreadId: undefined, pendingStarts: new Map(), unread: 0, typing: [], messages: [], unsaved: undefined, leftBy: undefined, ended: undefined, invitation: undefined, group: false, participants: new Map(), joined: new Set(), imConnected: false };
}

export function threadIdFor(uri: string): string {
  return `chat:${uri.toLowerCase().replace(/^sip:/, '')}`;
}

export class ConversationStore {
  private readonly threads = new Map<string, Thread>();

  thread(id: string): Thread | undefined {
    return this.threads.get(id);
  }

  threadFor(remote: Person): Thread {
    const id = threadIdFor(remote.uri);
    let thread = this.threads.get(id);
    if (thread === undefined) {
      thread = newThread(id, remote);
      this.threads.set(id, thread);
    }
    return thread;
  }

  /** A group chat thread: its id stays whatever UCWA conversation carries it. */
  groupThread(id: string, participants: readonly Person[], subject: string): Thread {
    let thread = this.threads.get(id);
    if (thread === undefined) {
      const first = participants[0] ?? { uri: 'sip:unknown', name: '' };
      thread = { ...newThread(id, first), group: true, subject };
      this.threads.set(id, thread);
    }
    for (const p of participants) if (!thread.participants.has(p.uri.toLowerCase())) thread.participants.set(p.uri.toLowerCase(), p);
    return thread;
  }

  byPendingStart(operationId: string): Thread | undefined {
    for (const thread of this.threads.values()) if (thread.pendingStarts.has(operationId)) return thread;
    return undefined;
  }

  byUcwaId(ucwaId: string): Thread | undefined {
    for (const thread of this.threads.values()) if (thread.ucwaId === ucwaId) return thread;
    return undefined;
  }

  all(): Thread[] {
    return [...this.threads.values()];
  }

  unreadTotal(): number {
    let total = 0;
    for (const thread of this.threads.values()) total += thread.unread;
    return total;
  }

  /** Adds or replaces a message by id; returns true when it was new. */
  upsert(thread: Thread, message: ChatMessage): boolean {
    const index = thread.messages.findIndex((m) => m.id === message.id);
    if (index >= 0) {
      thread.messages[index] = message;
      return false;
    }
    thread.messages.push(message);
    return true;
  }

  /**
   * With a persistent history the thread keeps only its newest messages (older ones are paged in
   * from disk): cut back to `keep` once it holds twice that, so memory does not grow per message.
   */
  trim(thread: Thread, keep: number): void {
    if (thread.messages.length > 2 * keep) thread.messages.splice(0, thread.messages.length - keep);
  }

  /** Newest first pages: `before` is an index cursor into the thread. */
  page(thread: Thread, before: string | undefined, limit: number): HistoryPage {
    const end = before === undefined ? thread.messages.length : Math.max(0, Math.min(thread.messages.length, Number(before) || 0));
    const start = Math.max(0, end - limit);
    return { messages: thread.messages.slice(start, end), ...(start > 0 ? { olderCursor: String(start) } : {}) };
  }

  clear(): void {
    this.threads.clear();
  }

  summary(thread: Thread): ConversationSummary {
    const last = thread.messages.findLast((m) => m.system === undefined);
    const members = [...thread.participants.values()];
    return {
      id: thread.id,
      // A group without a subject is named by its people; the chat words the list in its language.
      title: thread.group ? (thread.subject !== '' ? thread.subject : members.map((p) => p.name).join(', ')) : thread.remote.name,
      participants: thread.group ? members : [thread.remote],
      ...(thread.group ? { group: true } : {}),
      ...(thread.subject === '' ? {} : { subject: thread.subject }),
      state: thread.state,
      unread: thread.unread,
      typing: thread.typing,
      ...(last === undefined ? {} : { lastMessage: { text: previewText(last.text), time: last.time, fromName: last.from.name } }),
      ...(thread.ended === undefined ? {} : { ended: thread.ended }),
      ...(thread.invitation === undefined ? {} : { invitation: thread.invitation.firstMessage === undefined ? {} : { firstMessage: previewText(thread.invitation.firstMessage.text) } }),
      ...(thread.unsaved === undefined ? {} : { unsavedHistory: thread.unsaved }),
    };
  }
}
