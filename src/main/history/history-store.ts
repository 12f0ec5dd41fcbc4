// Local message history: one append-only JSON-lines file per account and conversation. Every line
// carries a checksum; a line cut short by a crash, or damaged, is skipped and reported — never a
// crash, and nothing after it is lost. A delivery-state change is appended as a newer copy of the
// message (last one wins, at the place of the first), so nothing is ever rewritten in place. Writes
// are per conversation and retried (history-writer.ts): what the disk refuses stays in memory,
// reported as unsaved.
//
// Memory stays bounded however long a conversation gets: only a window of its newest messages is
// kept, for the few conversations open most recently (history-window.ts); older pages are read
// back from the end of the file on demand. Search streams through the files (see `search`).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ChatMessage, HistoryPage } from '../../shared/domain';
import { nodeHistoryFiles } from './history-files';
import type { HistoryFiles } from './history-files';
import { parseHistoryLine } from './history-record';
import { HistoryWriter } from './history-writer';
import type { UnsavedHistory, UnsavedListener, WriterOptions } from './history-writer';
import { HistoryReader } from './history-reader';
import type { HistoryProblem } from './history-reader';
import { WINDOW_MESSAGES, readPage, loadWindow, upsertWindow, wholeLimit } from './history-window';
import type { ConversationWindow } from './history-window';

export type { UnsavedHistory } from './history-writer';
export type { HistoryProblem } from './history-reader';

export interface HistorySearchHit {
  readonly conversationId: string;
  readonly message: ChatMessage;
}

export function checksum(text: string): string {
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
  /** How many conversations keep their newest messages in memory (the most recently used). */
  readonly openWindows?: number;
}

const OPEN_WINDOWS = 16;

export class HistoryStore {
  /** Most recently used last: the first is dropped when there are too many. */
  private readonly windows = new Map<string, Promise<ConversationWindow>>();
  private readonly files: HistoryFiles;
  private readonly writer: HistoryWriter;
  private readonly reader: HistoryReader;
  private readonly dir: string;
  private readonly openWindows: number;
  /** Conversations opened or written in this run (listed even before their folder exists). */
  private readonly touched = new Set<string>();

  /** `root` is the app's data folder; each account gets its own sub-folder. */
  constructor(root: string, account: string, options: HistoryStoreOptions = {}) {
    this.dir = join(root, createHash('sha256').update(account.toLowerCase()).digest('hex').slice(0, 24));
    this.files = options.files ?? nodeHistoryFiles;
    this.writer = new HistoryWriter(this.files, this.dir, encodeHistoryLine, options);
    this.reader = new HistoryReader(this.files, (line) => parseHistoryLine(line, checksum));
    this.openWindows = options.openWindows ?? OPEN_WINDOWS;
  }

  get problems(): readonly HistoryProblem[] {
    return this.reader.problems;
  }

  /**
   * Keeps (or supersedes, by id) a message at once, in memory, and writes it in the background;
   * resolves once it is on disk. It never rejects: a refused write is retried, and meanwhile the
   * conversation is reported unsaved (`onUnsaved`), so nobody needs to catch anything.
   */
  save(message: ChatMessage): Promise<void> {
    this.touched.add(message.conversationId);
    const written = this.writer.write(message.conversationId, this.fileOf(message.conversationId), message);
    // Only an open window takes it; a closed conversation reads it from disk (or the writer) when opened.
    const open = this.windows.get(message.conversationId);
    if (open !== undefined) {
      void open.then((window) => {
        // Grown far past its size: dropped, and read back from the end of the file when next needed.
        if (upsertWindow(window, message) > 2 * WINDOW_MESSAGES && this.windows.get(message.conversationId) === open) this.windows.delete(message.conversationId);
      });
    }
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

  /** Newest last; `before` is the `olderCursor` of the page before (an opaque string). */
  async page(conversationId: string, before: string | undefined, limit: number): Promise<HistoryPage> {
    const window = await this.window(conversationId);
    const page = await readPage(this.reader, window, before, limit);
    const damaged = this.damagedLines(conversationId);
    return { ...page, ...(damaged > 0 ? { damaged } : {}) };
  }

  /** How many lines of this conversation's file were found damaged so far (each counted once). */
  damagedLines(conversationId: string): number {
    return this.reader.damagedLines(this.fileOf(conversationId));
  }

  async has(conversationId: string, messageId: string): Promise<boolean> {
    return (await this.find(conversationId, messageId)) !== undefined;
  }

  /** A message's latest state (its newest line), looked for in the window and then backwards on disk. */
  async find(conversationId: string, messageId: string): Promise<ChatMessage | undefined> {
    const window = await this.window(conversationId);
    const inWindow = window.messages.find((m) => m.id === messageId);
    if (inWindow !== undefined) return inWindow;
    for await (const stored of this.reader.backward(window.file, window.diskBefore)) if (stored.message.id === messageId) return stored.message;
    return undefined;
  }

  /**
   * Case-insensitive text search over every conversation of the account, newest first.
   *
   * It streams through the files, a chunk at a time, rather than keeping an index: a chunk without
   * the query (lower-cased, as JSON would escape it) is skipped without parsing a line, so a search
   * costs one sequential read of the history (about a second per million messages) and no memory
   * beyond a chunk and the hits. An index would make rare searches instant but cost disk space and
   * a second structure to keep consistent across crashes and full disks — the very cases the
   * append-only file with per-line checksums is built to survive.
   */
  async search(text: string, limit = 50): Promise<HistorySearchHit[]> {
    const needle = text.trim().toLowerCase();
    if (needle === '') return [];
    const count = wholeLimit(limit);
    const escaped = JSON.stringify(needle).slice(1, -1);
    let hits: HistorySearchHit[] = [];
    for (const conversationId of await this.conversationIds()) {
      // Last copy wins: a later line of the same message replaces the earlier hit.
      const found = new Map<string, ChatMessage>();
      const consider = (message: ChatMessage): void => {
        if (message.text.toLowerCase().includes(needle)) found.set(message.id, message);
      };
      await this.writer.idle(this.fileOf(conversationId));
      await this.reader.scan(this.fileOf(conversationId), escaped, consider);
      for (const message of this.writer.pending(conversationId)) consider(message);
      for (const message of found.values()) hits.push({ conversationId, message });
      if (hits.length > 4 * count) hits = newest(hits, count);
    }
    return newest(hits, count);
  }

  async conversationIds(): Promise<string[]> {
    let files: string[];
    try {
      files = (await this.files.list(this.dir)).filter((f) => f.endsWith('.jsonl'));
    } catch {
      return [...this.touched];
    }
    const ids = new Set(this.touched);
    for (const file of files) {
      const first = await this.reader.first(join(this.dir, file));
      if (first !== undefined) ids.add(first.conversationId);
    }
    return [...ids];
  }

  private fileOf(conversationId: string): string {
    return join(this.dir, fileNameFor(conversationId));
  }

  /** The conversation's window, loaded once; concurrent callers share the one load. */
  private window(conversationId: string): Promise<ConversationWindow> {
    this.touched.add(conversationId);
    let window = this.windows.get(conversationId);
    if (window === undefined) {
      const file = this.fileOf(conversationId);
      window = this.writer.idle(file).then(() => loadWindow(this.reader, file, this.writer.pending(conversationId)));
      window.catch(() => this.windows.delete(conversationId));
    } else this.windows.delete(conversationId);
    this.windows.set(conversationId, window);
    while (this.windows.size > this.openWindows) this.windows.delete(this.windows.keys().next().value as string);
    return window;
  }
}

function newest(hits: readonly HistorySearchHit[], limit: number): HistorySearchHit[] {
  return [...hits].sort((a, b) => b.message.time - a.message.time).slice(0, limit);
}
