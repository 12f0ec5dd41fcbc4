// Conversations missed while signed out (protocol §8.2): read after sign-in and whenever the server
// says its count changed, shown in the popup with a badge until opened. Opening one puts its
// messages into the chat with that person and marks it read on the server. Where the server keeps
// no conversation logs, the list stays empty and nothing fails.
import type { ChatMessage, MissedConversation } from '../../shared/domain';
import { IpcFailure } from '../../shared/ipc-failure';
import type { UcwaClient } from '../ucwa/index';
import type { Thread } from './conversation-store';
import type { Push } from './ports';
import { errorDetail } from '../../shared/error-detail';

export interface MissedHost {
  readonly push: Push;
  /** The chat with that person, and a way to add what they said to it. */
  threadFor(uri: string, name: string): Thread;
  keepReceived(thread: Thread, message: ChatMessage): void;
}

export class MissedBox {
  private missed: MissedConversation[] = [];
  private generation = 0;

  constructor(private readonly host: MissedHost) {}

  list(): readonly MissedConversation[] {
    return this.missed;
  }

  /** Reads the unread missed conversations again. */
  async refresh(client: UcwaClient): Promise<void> {
    const generation = ++this.generation;
    const found = await client.getMissedConversations().catch(() => []);
    if (generation !== this.generation) return;
    this.missed = found.filter((m) => m.unread).map((m) => ({ id: m.id, from: m.from, time: m.time.getTime(), preview: m.preview, unread: m.unread }));
    this.host.push('missedChanged', { missed: this.missed });
  }

  /** Its messages go into the chat with the sender (once, by id), the server marks it read; returns that chat's id. */
  async open(client: UcwaClient, id: string): Promise<string> {
    const entry = this.missed.find((m) => m.id === id);
    if (entry === undefined) throw new IpcFailure('not-found', errorDetail('missedGone', {}));
    const thread = this.host.threadFor(entry.from.uri, entry.from.name);
    const transcript = await client.getMissedTranscript(id, entry.from);
    const lines = transcript.length > 0 ? transcript : [{ text: entry.preview, from: entry.from, time: new Date(entry.time) }];
    lines.forEach((m, n) => {
      this.host.keepReceived(thread, { id: `missed:${id}:${n}`, conversationId: thread.id, direction: 'in', from: m.from, text: m.text, ...('html' in m && m.html !== undefined ? { html: m.html } : {}), time: m.time.getTime(), delivery: 'delivered' });
    });
    await client.markMissedRead(id);
    this.missed = this.missed.filter((m) => m.id !== id);
    this.host.push('missedChanged', { missed: this.missed });
    return thread.id;
  }

  clear(): void {
    this.generation++;
    this.missed = [];
    this.host.push('missedChanged', { missed: [] });
  }
}
