// One application's event channel (protocol §5): a pending GET per application, batches acked by
// the `ack` number of the next GET, redelivery of an unacknowledged batch, resync for an ack out of
// the window, priorities that decide how long events may wait, and the 30-second collection fuse.
// How batches are cut, merged and shaped is the shaper's business (event-shaper.ts).
import type { ServerResponse } from 'node:http';
import type { EventShaper, PendingEvent } from './event-shaper';
import { PASS_THROUGH } from './event-shaper';
import { sendError, sendJson } from './wire';

/** `realtime` (an incoming invitation) releases the P-GET at once, whatever else may want to wait (§5.4). */
export type Priority = 'realtime' | 'high' | 'medium' | 'low';

export interface EventSender {
  readonly rel: string;
  readonly href: string;
}

export interface UcwaEventBody {
  readonly link: { readonly rel: string; readonly href: string; readonly title?: string };
  readonly type: 'added' | 'updated' | 'deleted' | 'started' | 'completed';
  readonly in?: { readonly rel: string; readonly href: string };
  readonly _embedded?: Record<string, unknown>;
  readonly status?: 'Success' | 'Failure';
  readonly reason?: { readonly code: string; readonly subcode?: string; readonly message?: string };
}

export interface EnqueueOptions {
  readonly priority?: Priority;
  /** Called when the event leaves the server in a batch. */
  readonly onCollected?: () => void;
  /** With `onExpired`: the event is dropped if it was not collected within this time. */
  readonly deadlineMs?: number;
  readonly onExpired?: () => void;
}

interface Waiter {
  readonly ack: number;
  readonly res: ServerResponse;
  readonly holdTimer: NodeJS.Timeout;
}

export interface ChannelTimings {
  /** Default hold of an empty P-GET, when the client sends no `timeout`. */
  readonly defaultTimeoutMs: number;
  /** Cap on any hold (a test knob; the real server honours up to 1800 s). */
  readonly maxHoldMs: number;
  readonly mediumMs: number;
  readonly lowMs: number;
}

export type BatchLinkKind = 'next' | 'resume';

interface AckWatcher {
  readonly href: string;
  /** The batch that carried an event of `href`; the next GET acknowledges it. */
  sealedIn?: number;
  readonly timer: NodeJS.Timeout;
  readonly resolve: (acknowledged: boolean) => void;
}

export class EventChannel {
  private nextAck = 1;
  private readonly delivered = new Map<number, unknown>();
  private pending: PendingEvent[] = [];
  private waiter: Waiter | undefined;
  private releaseTimer: NodeJS.Timeout | undefined;
  private releaseImmediate: NodeJS.Immediate | undefined;
  private mergeTimer: NodeJS.Timeout | undefined;
  private readonly ackWatchers = new Set<AckWatcher>();
  private timeoutMs: number;
  private mediumMs: number;
  private lowMs: number;
  private repeat: { left: number; readonly rel: string | undefined } = { left: 0, rel: undefined };
  lastPollEndedAt = Date.now();

  constructor(
    private readonly eventsPath: string,
    private readonly timings: ChannelTimings,
    private readonly shaper: EventShaper = PASS_THROUGH,
  ) {
    this.timeoutMs = timings.defaultTimeoutMs;
    this.mediumMs = timings.mediumMs;
    this.lowMs = timings.lowMs;
  }

  get hasWaiter(): boolean {
    return this.waiter !== undefined;
  }

  enqueue(sender: EventSender, body: UcwaEventBody, options: EnqueueOptions = {}): void {
    const priority = options.priority ?? 'high';
    const delay = priority === 'medium' ? this.mediumMs : priority === 'low' ? this.lowMs : 0;
    const entry: PendingEvent = { sender, body, priority, releaseAt: Date.now() + delay, options };
    // Aggregation (§5.4): a later event may supersede queued ones, or be absorbed itself.
    const { remove, keep } = this.shaper.admit(this.pending, entry);
    // Events someone waits on (delivery accounting, the collection fuse) are never merged away.
    const removable = remove.filter((e) => e.options.onCollected === undefined && e.options.onExpired === undefined);
    if (removable.length > 0) this.pending = this.pending.filter((e) => !removable.includes(e));
    if (!keep) return;
    if (options.deadlineMs !== undefined && options.onExpired !== undefined) {
      const onExpired = options.onExpired;
      entry.deadline = setTimeout(() => {
        const index = this.pending.indexOf(entry);
        if (index >= 0) {
          this.pending.splice(index, 1);
          onExpired();
        }
      }, options.deadlineMs);
      entry.deadline.unref();
    }
    this.pending.push(entry);
    this.scheduleRelease();
  }

  /**
   * Resolves true once a batch carrying an event of `href` was acknowledged by the next GET (the
   * client has it), false after `timeoutMs` or when the channel closes.
   */
  whenAcknowledged(href: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const watcher: AckWatcher = {
        href,
        timer: setTimeout(() => finish(false), timeoutMs),
        resolve: (acknowledged) => finish(acknowledged),
      };
      const finish = (acknowledged: boolean): void => {
        clearTimeout(watcher.timer);
        if (this.ackWatchers.delete(watcher)) resolve(acknowledged);
      };
      watcher.timer.unref();
      this.ackWatchers.add(watcher);
    });
  }

  /** Serves `GET events?ack=n`. `kind` is `resume` for the first answer after a long silence. */
  poll(ack: number, query: URLSearchParams, res: ServerResponse, kind: BatchLinkKind = 'next'): void {
    this.rememberTimers(query);
    for (const watcher of [...this.ackWatchers]) if (watcher.sealedIn !== undefined && ack > watcher.sealedIn) watcher.resolve(true);
    if (this.waiter !== undefined) {
      const replaced = this.waiter;
      this.waiter = undefined;
      clearTimeout(replaced.holdTimer);
      sendError(replaced.res, 409, 'PGetReplaced', 'The pending GET was replaced by a newer one.');
    }
    // Asking for batch n acknowledges every batch before it, but only for an ack inside the window.
    if (ack <= this.nextAck) for (const old of [...this.delivered.keys()]) if (old < ack) this.delivered.delete(old);
    const again = this.delivered.get(ack);
    if (again !== undefined) {
      this.respond(res, again);
      return;
    }
    if (ack !== this.nextAck) {
      const oldest = Math.min(this.nextAck, ...this.delivered.keys());
      this.respond(res, { _links: { self: { href: this.href(ack) }, resync: { href: this.href(oldest) } } });
      return;
    }
    if (kind === 'resume') {
      this.seal(ack, 'resume', []);
      this.respond(res, this.delivered.get(ack));
      return;
    }
    const holdTimer = setTimeout(() => this.release(), Math.min(this.timeoutMs, this.timings.maxHoldMs));
    holdTimer.unref();
    this.waiter = { ack, res, holdTimer };
    res.on('close', () => {
      if (this.waiter?.res === res) {
        clearTimeout(this.waiter.holdTimer);
        this.waiter = undefined;
        this.lastPollEndedAt = Date.now();
      }
    });
    this.scheduleRelease();
  }

  /** Ends the pending GET's connection abruptly (fault injection). */
  dropWaiter(): boolean {
    const waiter = this.waiter;
    if (waiter === undefined) return false;
    this.waiter = undefined;
    clearTimeout(waiter.holdTimer);
    waiter.res.socket?.destroy();
    return true;
  }

  /** Moves the ack window on and cuts the pending GET, so the client's next URL is stale (§5.6 resync). */
  invalidateWindow(): void {
    this.nextAck += 5;
    this.delivered.clear();
    this.dropWaiter();
  }

  /**
   * Fault injection: the events of the next `count` batches (with an event of link rel `rel`, when
   * given) go out once more in the batch after, as from a server that redelivers what the client
   * already has. A client must show them once.
   */
  repeatNextBatches(count: number, rel?: string): void {
    this.repeat = { left: count, rel };
  }

  /** Answers the pending GET with an error (application gone, fault injection). */
  failWaiter(status: number, subcode?: string): void {
    const waiter = this.waiter;
    if (waiter === undefined) return;
    this.waiter = undefined;
    clearTimeout(waiter.holdTimer);
    sendError(waiter.res, status, subcode);
  }

  close(): void {
    if (this.releaseTimer !== undefined) clearTimeout(this.releaseTimer);
    if (this.mergeTimer !== undefined) clearTimeout(this.mergeTimer);
    for (const watcher of [...this.ackWatchers]) watcher.resolve(false);
    for (const entry of this.pending) if (entry.deadline !== undefined) clearTimeout(entry.deadline);
    this.pending = [];
    this.failWaiter(404, 'ApplicationNotFound');
  }

  private rememberTimers(query: URLSearchParams): void {
    const seconds = (name: string, min: number, max: number): number | undefined => {
      const raw = query.get(name);
      if (raw === null || !/^\d+$/.test(raw)) return undefined;
      return Math.min(max, Math.max(min, Number(raw))) * 1000;
    };
    this.timeoutMs = seconds('timeout', 180, 1800) ?? this.timeoutMs;
    this.mediumMs = Math.min(seconds('medium', 5, 1800) ?? this.mediumMs, this.timings.mediumMs);
    this.lowMs = Math.min(seconds('low', 5, 1800) ?? this.lowMs, this.timings.lowMs);
  }

  private scheduleRelease(): void {
    if (this.waiter === undefined || this.pending.length === 0) return;
    if (this.releaseTimer !== undefined) clearTimeout(this.releaseTimer);
    const wait = Math.min(...this.pending.map((e) => e.releaseAt)) - Date.now();
    // Real-time events release the GET at once, together with everything already queued (§5.4);
    // releasing on the next turn still lets events raised in the same tick share one batch.
    const realtime = this.pending.some((e) => e.priority === 'realtime');
    if (wait <= 0 && !realtime && this.mergeTimer !== undefined) return;
    if (wait <= 0 && !realtime) {
      const hold = this.shaper.mergeHoldMs();
      if (hold > 0) {
        this.mergeTimer = setTimeout(() => this.release(), hold);
        this.mergeTimer.unref();
        return;
      }
    }
    if (wait <= 0) {
      this.releaseImmediate ??= setImmediate(() => {
        this.releaseImmediate = undefined;
        this.release();
      });
      return;
    }
    this.releaseTimer = setTimeout(() => this.release(), wait);
    this.releaseTimer.unref();
  }

  private release(): void {
    if (this.releaseTimer !== undefined) clearTimeout(this.releaseTimer);
    if (this.mergeTimer !== undefined) clearTimeout(this.mergeTimer);
    this.releaseTimer = undefined;
    this.mergeTimer = undefined;
    const waiter = this.waiter;
    if (waiter === undefined) return;
    this.waiter = undefined;
    clearTimeout(waiter.holdTimer);
    // A batch may take only part of the queue (§5.1); the rest waits for the next GET, in order.
    const count = this.pending.length === 0 ? 0 : Math.max(1, Math.min(this.pending.length, this.shaper.take(this.pending.length)));
    const batch = this.pending.slice(0, count);
    this.pending = this.pending.slice(count);
    for (const entry of batch) if (entry.deadline !== undefined) clearTimeout(entry.deadline);
    this.seal(waiter.ack, 'next', batch);
    this.respond(waiter.res, this.delivered.get(waiter.ack));
    for (const entry of batch) entry.options.onCollected?.();
    if (this.repeat.left > 0 && batch.some((e) => this.repeat.rel === undefined || e.body.link.rel === this.repeat.rel)) {
      this.repeat.left--;
      for (const entry of batch) this.pending.push({ sender: entry.sender, body: entry.body, priority: 'high', releaseAt: Date.now(), options: {} });
    }
  }

  private seal(ack: number, kind: BatchLinkKind, batch: readonly PendingEvent[]): void {
    const sender: { rel: string; href: string; events: UcwaEventBody[] }[] = [];
    for (const entry of batch) {
      const last = sender[sender.length - 1];
      const body = this.shaper.shape(entry.body);
      // Consecutive events of one sender share a block; a sender may repeat later to keep order (§5.3).
      if (last !== undefined && last.rel === entry.sender.rel && last.href === entry.sender.href && !this.shaper.newSenderBlock()) last.events.push(body);
      else sender.push({ rel: entry.sender.rel, href: entry.sender.href, events: [body] });
    }
    for (const watcher of this.ackWatchers) if (watcher.sealedIn === undefined && batch.some((e) => e.body.link.href === watcher.href)) watcher.sealedIn = ack;
    this.delivered.set(ack, {
      _links: { self: { href: this.href(ack) }, [kind]: { href: this.href(ack + 1) } },
      ...(sender.length > 0 ? { sender } : {}),
    });
    this.nextAck = ack + 1;
  }

  private respond(res: ServerResponse, body: unknown): void {
    this.lastPollEndedAt = Date.now();
    if (!res.writableEnded && !res.destroyed) sendJson(res, 200, body);
  }

  private href(ack: number): string {
    return `${this.eventsPath}?ack=${ack}`;
  }
}
