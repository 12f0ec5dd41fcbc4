// Outgoing messages, one conversation at a time and in order: each waits while the session is
// down, is retried when the server was only busy (honouring Retry-After), and ends delivered or
// failed with a reason — nothing typed is dropped silently (the outbox of "never lose a message").
import type { ChatMessage } from '../../shared/domain';
import { UcwaError, isTransient } from '../ucwa/index';
import { backoffDelay } from './reconnect-backoff';
import { errorDetail, type ErrorDetail } from '../../shared/error-detail';
import { englishDetail } from '../../shared/ipc-failure';
import { toIpcFailure } from './error-mapping';

export interface DeliveryHost {
  /** True while the session is connected (not signing in, not recovering). */
  isUp(): boolean;
  /** One attempt to hand the message to the server; resolves when it was delivered. */
  attempt(message: ChatMessage): Promise<void>;
  failed(message: ChatMessage, reason: ErrorDetail): void;
}

export interface DeliveryOptions {
  readonly timeoutMs: number;
  readonly retryBaseMs: number;
  readonly maxAttempts: number;
}

/** Failures worth another try: the server was busy or the person briefly away, not a refusal. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof UcwaError)) return false;
  if (error.code === 'invitation-failed') return error.subcode === 'TemporarilyUnavailable';
  // The conversation ended before anything was sent: the next try starts a new one. The application
  // was gone when we posted (404 ApplicationNotFound): nothing was sent; the next try goes out on the
  // new one the session builds.
  if (error.code === 'not-found' || error.code === 'application-gone') return true;
  return isTransient(error);
}

class Cancelled extends Error {
  constructor(readonly detail: ErrorDetail) {
    super(englishDetail(detail));
  }
}

export class DeliveryQueue {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly upWaiters = new Set<() => void>();
  private generation = 0;

  constructor(
    private readonly host: DeliveryHost,
    private readonly options: DeliveryOptions,
  ) {}

  enqueue(message: ChatMessage): void {
    const generation = this.generation;
    const previous = this.chains.get(message.conversationId) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(message, generation));
    this.chains.set(message.conversationId, next);
  }

  /** The session is connected again: waiting messages go on. */
  up(): void {
    for (const wake of [...this.upWaiters]) wake();
  }

  /** Sign-out: everything still waiting fails with this reason. */
  cancelAll(): void {
    this.generation++;
    this.up();
  }

  private async deliver(message: ChatMessage, generation: number): Promise<void> {
    const deadline = Date.now() + this.options.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.waitUp(deadline, generation);
        await this.host.attempt(message);
        return;
      } catch (error) {
        if (error instanceof Cancelled) return this.host.failed(message, error.detail);
        // The server had accepted it: sending again could say it twice. The user decides.
        if (error instanceof UcwaError && error.code === 'delivery-unconfirmed') return this.host.failed(message, failureDetail(error));
        if (!this.host.isUp() && Date.now() < deadline) continue; // the session dropped under it before the server took it: wait and try again
        if (attempt >= this.options.maxAttempts || !isRetryable(error) || Date.now() >= deadline) {
          return this.host.failed(message, failureDetail(error));
        }
        const delay = error instanceof UcwaError && error.retryAfterMs !== undefined ? error.retryAfterMs : backoffDelay(attempt, { baseMs: this.options.retryBaseMs, maxMs: 8_000 });
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  private waitUp(deadline: number, generation: number): Promise<void> {
    const check = (): Error | 'up' | undefined => {
      if (generation !== this.generation) return new Cancelled(errorDetail('notSentSignedOut', {}));
      if (this.host.isUp()) return 'up';
      if (Date.now() >= deadline) return new Cancelled(errorDetail('notSentNoConnection', {}));
      return undefined;
    };
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (): boolean => {
        const state = check();
        if (state === undefined) return false;
        this.upWaiters.delete(wake);
        clearTimeout(timer);
        if (state === 'up') resolve();
        else reject(state);
        return true;
      };
      const wake = (): void => void settle();
      // A timer may fire a millisecond before Date.now() reaches the deadline: then it waits again,
      // or the message would wait for a connection forever.
      const waitForDeadline = (): void => {
        timer = setTimeout(() => void (settle() || waitForDeadline()), Math.max(1, deadline - Date.now()));
        timer.unref();
      };
      if (settle()) return;
      this.upWaiters.add(wake);
      waitForDeadline();
    });
  }
}

/** Why a message was not delivered, for the UI to word: the error's detail, or that it was not sent. */
function failureDetail(error: unknown): ErrorDetail {
  return toIpcFailure(error).detail ?? errorDetail('notSent', {});
}
