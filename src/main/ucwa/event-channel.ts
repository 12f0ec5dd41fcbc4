// The event channel loop (protocol §5.5, §5.6): exactly one pending GET, the next GET started
// before a batch is processed, batches processed strictly in order, resync checked first, then
// resume, then next; transport failures retry the SAME url with capped, jittered backoff.
import type { AuthenticatedHttp } from './authenticated-http';
import { parseJsonBody } from './authenticated-http';
import { UcwaError, detailOf, isTransient, isUcwaError } from './errors';
import type { EventBatch, RawEvent } from './event-batch';
import { parseEventBatch } from './event-batch';
import type { Logger } from './logger';
import type { ErrorDetail } from '../../shared/error-detail';

export interface EventChannelHandlers {
  onEvents(events: readonly RawEvent[]): Promise<void>;
  /** The server sent us back to the oldest unacknowledged batch: cached transient state must be re-read (§5.6). */
  onResync(): Promise<void>;
  onResume(): Promise<void>;
  onConnection(state: 'connected' | 'reconnecting', detail?: ErrorDetail): void;
  /** The loop stopped for good: the application is gone, another client replaced us, or 410. */
  onStopped(error: UcwaError): void;
}

export interface EventChannelOptions {
  readonly timeoutSeconds: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly random?: () => number;
  /**
   * A conforming server holds an empty poll for `timeout` seconds; one that answers empty faster
   * than this (a broken server or proxy) makes the next poll wait, increasingly, instead of
   * hammering it thousands of times a second.
   */
  readonly quickEmptyPollMs?: number;
}

const QUICK_EMPTY_POLL_MS = 1_000;

export class EventChannel {
  private running = false;
  private abort: AbortController | undefined;
  private processing: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  polls = 0;
  url: URL;

  constructor(
    private readonly http: AuthenticatedHttp,
    first: URL,
    private readonly handlers: EventChannelHandlers,
    private readonly options: EventChannelOptions,
    private readonly logger: Logger,
  ) {
    this.url = first;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort?.abort();
    this.wake?.();
    await this.processing.catch(() => undefined);
  }

  /** Skip the backoff wait and poll now (resume from sleep, network up). */
  pollNow(): void {
    this.wake?.();
  }

  /** Resolves when every batch received so far has been processed. */
  async idle(): Promise<void> {
    await this.processing;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    let quickEmpty = 0;
    while (this.running) {
      let batch: EventBatch;
      const startedAt = Date.now();
      try {
        batch = await this.poll();
        if (failures > 0) this.handlers.onConnection('connected');
        failures = 0;
      } catch (error) {
        if (!this.running) return;
        if (isUcwaError(error, 'application-gone', 'gone', 'untrusted-server') || (isUcwaError(error, 'http') && error.status === 409 && error.subcode === 'PGetReplaced')) {
          this.running = false;
          this.handlers.onStopped(error as UcwaError);
          return;
        }
        failures++;
        const delay = this.backoff(failures, error);
        this.logger.warn('event channel failed; retrying the same url', { attempt: failures, delayMs: delay, reason: error instanceof Error ? error.message : String(error) });
        this.handlers.onConnection('reconnecting', detailOf(error));
        await this.sleep(delay);
        continue;
      }
      quickEmpty = batch.events.length === 0 && Date.now() - startedAt < (this.options.quickEmptyPollMs ?? QUICK_EMPTY_POLL_MS) ? quickEmpty + 1 : 0;
      if (batch.resync !== undefined) {
        this.url = batch.resync;
        this.processing = this.processing.then(() => this.handlers.onResync()).catch((error: unknown) => this.logger.error('re-reading after resync failed', { reason: error instanceof Error ? error.message : String(error) }));
      } else {
        const resumed = batch.resume !== undefined;
        const nextUrl = batch.resume ?? batch.next;
        if (nextUrl === undefined) continue;
        this.url = nextUrl;
        const events = batch.events;
        // Start the next GET at once; processing runs behind it, one batch at a time.
        this.processing = this.processing.then(async () => {
          if (resumed) await this.handlers.onResume();
          if (events.length > 0) await this.handlers.onEvents(events);
        }).catch((error: unknown) => this.logger.error('event processing failed', { reason: error instanceof Error ? error.message : String(error) }));
      }
      if (quickEmpty > 1) {
        const delay = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (quickEmpty - 2));
        this.logger.warn('the server answers empty event polls at once; slowing down', { delayMs: delay });
        await this.sleep(delay);
      }
    }
  }

  private async poll(): Promise<EventBatch> {
    const url = new URL(this.url);
    // Added with a URL builder, never by concatenation; the server's ack is left alone (§10.1).
    url.searchParams.set('timeout', String(this.options.timeoutSeconds));
    this.abort = new AbortController();
    this.polls++;
    const res = await this.http.send({
      method: 'GET',
      url,
      headers: { Accept: 'application/json' },
      timeoutMs: (this.options.timeoutSeconds + 60) * 1000,
      signal: this.abort.signal,
    });
    return parseEventBatch(parseJsonBody(res, 'event batch'), res.url, (why) => this.logger.warn('skipped a malformed event', { why }));
  }

  private backoff(failures: number, error: unknown): number {
    // Retry-After: 0 (or a tiny value) from a broken server or proxy must not become a tight loop.
    if (error instanceof UcwaError && error.retryAfterMs !== undefined && isTransient(error)) return Math.max(this.options.backoffBaseMs, Math.min(error.retryAfterMs, this.options.backoffMaxMs * 4));
    const base = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (failures - 1));
    const random = this.options.random ?? Math.random;
    return Math.round(base / 2 + random() * (base / 2));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
