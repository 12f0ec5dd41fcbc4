// Local message history: one append-only JSON-lines file per account and conversation. Every line
// carries a checksum; a line cut short by a crash, or damaged, is skipped and reported — never a
// crash, and nothing after it is lost. A delivery-state change is appended as a newer copy of the
// message (last one wins), so nothing is ever rewritten in place. Writes are per conversation and
// retried (history-writer.ts): what the disk refuses stays in memory, reported as unsaved.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ChatMessage, HistoryPage } from '../../shared/domain';
import { errorCode, nodeHistoryFiles } from './history-files';
import type { HistoryFiles } from './history-files';
import { parseHistoryLine } from './history-record';
import { HistoryWriter } from './history-writer';
import type { UnsavedHistory, UnsavedListener, WriterOptions } from './history-writer';

export type { UnsavedHistory } from './history-writer';

export interface HistoryProblem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface HistorySearchHit {
  readonly conversationId: string;
  readonly message: ChatMessage;
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function encodeHistoryLine(message: ChatMessage): string {
  const body = JSON.stringify(message);
  return `${JSON.stringify({ v: 1, c: checksum(body), m: message })}\n`;
}

function fileNameFor(conversationId: string): string {
  return `${createHash('sha256').update(conversationId).digest('hex').slice(0, 32)}.jsonl`;
}

export interface HistoryStoreOptions extends WriterOptions {
  /** The disk; tests inject faults here where they cannot make a real disk fail. */
  readonly files?: HistoryFiles;
}

export class HistoryStore {
  private readonly loaded = new Map<string, Promise<ChatMessage[]>>();
  private readonly files: HistoryFiles;
  private readonly writer: HistoryWriter;
  private readonly dir: string;
  readonly problems: HistoryProblem[] = [];

  /** `root` is the app's data folder; each account gets its own sub-folder. */
  constructor(root: string, account: string, options: HistoryStoreOptions = {}) {
    this.dir = join(root, createHash('sha256').update(account.toLowerCase()).digest('hex').slice(0, 24));
    this.files = options.files ?? nodeHistoryFiles;
    this.writer = new HistoryWriter(this.files, this.dir, encodeHistoryLine, options);
  }

  /**
   * Keeps (or supersedes, by id) a message at once, in memory, and writes it in the background;
   * resolves once it is on disk. It never rejects: a refused write is retried, and meanwhile the
   * conversation is reported unsaved (`onUnsaved`), so nobody needs to catch anything.
   */
  save(message: ChatMessage): Promise<void> {
    const written = this.writer.write(message.conversationId, join(this.dir, fileNameFor(message.conversationId)), message);
    void this.load(message.conversationId).then((messages) => {
      const index = messages.findIndex((m) => m.id === message.id);
      if (index >= 0) messages[index] = message;
      else messages.push(message);
    });
    return written;
  }

  /** Called when a conversation's messages could not be saved (with why), and again when they were. */
  onUnsaved(listener: UnsavedListener): () => void {
    return this.writer.onUnsaved(listener);
  }

  unsaved(conversationId: string): UnsavedHistory | undefined {
    return this.writer.unsaved(conversationId);
  }

  /** Tries every unsaved write now (before quitting); resolves with how many messages are still unsaved. */
  flush(): Promise<number> {
    return this.writer.flush();
  }

  /** Newest last; `before` is an index cursor returned as `olderCursor`. */
  async page(conversationId: string, before: string | undefined, limit: number): Promise<HistoryPage> {
    const messages = await this.load(conversationId);
    const end = before === undefined ? messages.length : Math.max(0, Math.min(messages.length, Number(before) || 0));
    const start = Math.max(0, end - limit);
    const damaged = this.damagedLines(conversationId);
    return { messages: messages.slice(start, end), ...(start > 0 ? { olderCursor: String(start) } : {}), ...(damaged > 0 ? { damaged } : {}) };
  }

  /** How many lines of this conversation's file were skipped as damaged (each counted once). */
  damagedLines(conversationId: string): number {
    const file = join(this.dir, fileNameFor(conversationId));
    return this.problems.filter((p) => p.file === file && p.line > 0).length;
  }

  async has(conversationId: string, messageId: string): Promise<boolean> {
    return (await this.load(conversationId)).some((m) => m.id === messageId);
  }

  /** Case-insensitive text search over every conversation of the account, newest first. */
  async search(text: string, limit = 50): Promise<HistorySearchHit[]> {
    const needle = text.trim().toLowerCase();
    if (needle === '') return [];
    const hits: HistorySearchHit[] = [];
    for (const conversationId of await this.conversationIds()) {
      for (const message of await this.load(conversationId)) if (message.text.toLowerCase().includes(needle)) hits.push({ conversationId, message });
    }
    return hits.sort((a, b) => b.message.time - a.message.time).slice(0, limit);
  }

  async conversationIds(): Promise<string[]> {
    let files: string[];
    try {
      files = (await this.files.list(this.dir)).filter((f) => f.endsWith('.jsonl'));
    } catch {
      return [...this.loaded.keys()];
    }
    const ids = new Set(this.loaded.keys());
    for (const file of files) {
      const first = (await this.readFile(join(this.dir, file)))[0];
      if (first !== undefined) ids.add(first.conversationId);
    }
    return [...ids];
  }

  /** Loaded once per conversation; concurrent callers share the one load. */
  private load(conversationId: string): Promise<ChatMessage[]> {
    let loading = this.loaded.get(conversationId);
    if (loading === undefined) {
      loading = this.readFile(join(this.dir, fileNameFor(conversationId))).then((records) => {
        const messages: ChatMessage[] = [];
        for (const message of records) {
          const index = messages.findIndex((m) => m.id === message.id);
          if (index >= 0) messages[index] = message;
          else messages.push(message);
        }
        return messages;
      });
      this.loaded.set(conversationId, loading);
    }
    return loading;
  }

  private async readFile(file: string): Promise<ChatMessage[]> {
    let text: string;
    try {
      // Not while our own append is under way: its half-written line would read as damage.
      await this.writer.idle(file);
      text = await this.files.read(file);
    } catch (error) {
      // No file yet is normal; anything else (a folder in its place, no permission) is reported.
      const code = errorCode(error);
      if (code !== 'ENOENT' && !this.problems.some((p) => p.file === file && p.line === 0)) this.problems.push({ file, line: 0, reason: `unreadable (${code ?? 'error'})` });
      return [];
    }
    const out: ChatMessage[] = [];
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line === '') return;
      const parsed = parseHistoryLine(line, checksum);
      if (parsed.ok) out.push(parsed.message);
      // A file may be read twice (listing conversations, then loading one): report each line once.
      else if (!this.problems.some((p) => p.file === file && p.line === i + 1)) this.problems.push({ file, line: i + 1, reason: i === lines.length - 1 ? `${parsed.reason} (an unfinished last line, as after a crash)` : parsed.reason });
    });
    return out;
  }
}
