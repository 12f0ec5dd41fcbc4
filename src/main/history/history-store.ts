// Local message history: one append-only JSON-lines file per account and conversation. Every line
// carries a checksum; a line cut short by a crash, or damaged, is skipped and reported — never a
// crash, and nothing after it is lost. A delivery-state change is appended as a newer copy of the
// message (last one wins), so nothing is ever rewritten in place.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatMessage, HistoryPage } from '../../shared/domain';
import { parseHistoryLine } from './history-record';

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

export class HistoryStore {
  private readonly loaded = new Map<string, Promise<ChatMessage[]>>();
  /** Files whose last line was cut off (a crash): the next append starts on a fresh line. */
  private readonly unterminated = new Set<string>();
  private writes: Promise<void> = Promise.resolve();
  readonly problems: HistoryProblem[] = [];

  /** `root` is the app's data folder; each account gets its own sub-folder. */
  constructor(
    private readonly root: string,
    account: string,
  ) {
    this.dir = join(root, createHash('sha256').update(account.toLowerCase()).digest('hex').slice(0, 24));
  }

  private readonly dir: string;

  /** Appends (or supersedes, by id) a message; resolves once it is on disk. */
  async save(message: ChatMessage): Promise<void> {
    const messages = await this.load(message.conversationId);
    const index = messages.findIndex((m) => m.id === message.id);
    if (index >= 0) messages[index] = message;
    else messages.push(message);
    const file = join(this.dir, fileNameFor(message.conversationId));
    const line = `${this.unterminated.delete(file) ? '\n' : ''}${encodeHistoryLine(message)}`;
    // Writes are serialised so lines never interleave; each is one append of one whole line.
    this.writes = this.writes.then(async () => {
      await mkdir(this.dir, { recursive: true });
      await appendFile(file, line, { encoding: 'utf8', mode: 0o600 });
      const handle = await open(file, 'r');
      try {
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
    await this.writes;
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
    return this.problems.filter((p) => p.file === file).length;
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
      files = (await readdir(this.dir)).filter((f) => f.endsWith('.jsonl'));
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
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    const out: ChatMessage[] = [];
    if (text !== '' && !text.endsWith('\n')) this.unterminated.add(file);
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
