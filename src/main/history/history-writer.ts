// Writes each conversation's messages to its file, independently of every other conversation: a
// failed write keeps its messages in memory, marked unsaved, and retries with backoff; nothing
// waits on a shared chain, so one bad file or one full disk never poisons later writes. When
// writing works again the unsaved messages go out in the order they were saved, each once.
import type { ChatMessage } from '../../shared/domain';
import type { HistoryFiles } from './history-files';
import { plainReason } from './history-files';

/** A conversation whose latest write failed: how many messages wait, and why, in plain words. */
export interface UnsavedHistory {
  readonly count: number;
  readonly reason: string;
}

export type UnsavedListener = (conversationId: string, unsaved: UnsavedHistory | undefined) => void;

export interface WriterOptions {
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
}

interface Pending {
  readonly message: ChatMessage;
  readonly done: (() => void)[];
}

interface Lane {
  readonly conversationId: string;
  readonly file: string;
  /** Saved but not yet on disk, oldest first; one entry per message id. */
  queue: Pending[];
  writing: Promise<void> | undefined;
  failures: number;
  unsaved: UnsavedHistory | undefined;
  timer: NodeJS.Timeout | undefined;
}

export class HistoryWriter {
  private readonly lanes = new Map<string, Lane>();
  private readonly listeners = new Set<UnsavedListener>();
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly files: HistoryFiles,
    private readonly dir: string,
    private readonly encode: (message: ChatMessage) => string,
    options: WriterOptions = {},
  ) {
    this.baseMs = options.retryBaseMs ?? 500;
    this.maxMs = options.retryMaxMs ?? 15_000;
  }

  onUnsaved(listener: UnsavedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  unsaved(conversationId: string): UnsavedHistory | undefined {
    return this.lanes.get(conversationId)?.unsaved;
  }

  /** Queues a message (a newer copy of a waiting one takes its place); resolves once it is on disk. */
  write(conversationId: string, file: string, message: ChatMessage): Promise<void> {
    const lane = this.lane(conversationId, file);
    const done = new Promise<void>((resolve) => {
      // Keep the first position, take the newest content: on disk the order is the order of first saving.
      const index = lane.queue.findIndex((p) => p.message.id === message.id);
      if (index >= 0) {
        const old = lane.queue[index] as Pending;
        lane.queue[index] = { message, done: [...old.done, resolve] };
      } else lane.queue.push({ message, done: [resolve] });
    });
    if (lane.unsaved !== undefined) this.setUnsaved(lane, { count: lane.queue.length, reason: lane.unsaved.reason });
    // While a failure is backing off, the timer decides when to try again.
    if (lane.timer === undefined) this.kick(lane);
    return done;
  }

  /** Saved but not yet on disk, in the order they were saved (a window read from disk adds these). */
  pending(conversationId: string): ChatMessage[] {
    return this.lanes.get(conversationId)?.queue.map((p) => p.message) ?? [];
  }

  /** Resolves when no append to this file is under way (a reader would see half a line). */
  async idle(file: string): Promise<void> {
    for (const lane of this.lanes.values()) if (lane.file === file) await lane.writing;
  }

  /** Tries every waiting write now (quitting); resolves with how many messages are still unsaved. */
  async flush(): Promise<number> {
    const lanes = [...this.lanes.values()];
    for (const lane of lanes) {
      if (lane.timer !== undefined) {
        clearTimeout(lane.timer);
        lane.timer = undefined;
      }
      this.kick(lane);
    }
    await Promise.all(lanes.map((lane) => lane.writing));
    return lanes.reduce((sum, lane) => sum + lane.queue.length, 0);
  }

  private lane(conversationId: string, file: string): Lane {
    let lane = this.lanes.get(conversationId);
    if (lane === undefined) {
      lane = { conversationId, file, queue: [], writing: undefined, failures: 0, unsaved: undefined, timer: undefined };
      this.lanes.set(conversationId, lane);
    }
    return lane;
  }

  private kick(lane: Lane): void {
    if (lane.writing !== undefined || lane.queue.length === 0) return;
    // drain() reaches its first await before it returns (the queue is not empty), so this
    // assignment always comes before drain() clears it.
    lane.writing = this.drain(lane);
  }

  /** Writes what is queued, one append per batch, until the queue is empty or a write fails. */
  private async drain(lane: Lane): Promise<void> {
    while (lane.queue.length > 0) {
      const batch = lane.queue;
      lane.queue = [];
      try {
        await this.files.append(this.dir, lane.file, batch.map((p) => this.encode(p.message)).join(''));
      } catch (error) {
        lane.writing = undefined;
        lane.queue = mergeBack(batch, lane.queue);
        lane.failures++;
        this.setUnsaved(lane, { count: lane.queue.length, reason: plainReason(error) });
        // A listener that saved just now has started the next write already; a timer armed beside
        // it would hold back every message after it.
        if (lane.writing === undefined) this.retryLater(lane);
        return;
      }
      for (const p of batch) for (const resolve of p.done) resolve();
      if (lane.failures > 0) {
        lane.failures = 0;
        // The disk works again: others waiting out a backoff need not wait any longer.
        for (const other of this.lanes.values()) if (other !== lane && other.timer !== undefined) this.retryNow(other);
      }
    }
    // In the same step as the last look at the queue: a message saved just after starts a new drain.
    lane.writing = undefined;
    this.setUnsaved(lane, undefined);
  }

  private retryLater(lane: Lane): void {
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(20, lane.failures - 1));
    lane.timer = setTimeout(() => this.retryNow(lane), delay);
    // Pending history never keeps the process alive; quitting flushes it explicitly.
    lane.timer.unref();
  }

  private retryNow(lane: Lane): void {
    if (lane.timer !== undefined) clearTimeout(lane.timer);
    lane.timer = undefined;
    this.kick(lane);
  }

  private setUnsaved(lane: Lane, unsaved: UnsavedHistory | undefined): void {
    const before = lane.unsaved;
    if (before?.count === unsaved?.count && before?.reason === unsaved?.reason) return;
    lane.unsaved = unsaved;
    for (const listener of [...this.listeners]) listener(lane.conversationId, unsaved);
  }
}

/** A failed batch goes back in front of what was saved meanwhile; a newer copy of a message keeps the older position. */
function mergeBack(failed: Pending[], later: Pending[]): Pending[] {
  const merged = [...failed];
  for (const p of later) {
    const index = merged.findIndex((m) => m.message.id === p.message.id);
    if (index >= 0) merged[index] = { message: p.message, done: [...(merged[index] as Pending).done, ...p.done] };
    else merged.push(p);
  }
  return merged;
}
