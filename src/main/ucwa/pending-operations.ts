// Operations waiting for their result from the event channel, keyed by operationId, with a
// timeout each. A result that arrives before anyone waits for it is kept until they do.
import type { UcwaError } from './errors';

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: UcwaError): void;
  readonly timer: NodeJS.Timeout;
  readonly tag: string | undefined;
}

/** Results nobody waits for (other endpoints' operations, late arrivals) are kept only this many. */
const MAX_EARLY = 500;

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: UcwaError };

export class PendingOperations<T> {
  private readonly waiting = new Map<string, Waiter<T>>();
  private readonly early = new Map<string, Outcome<T>>();

  /**
   * `tag` groups operations (a conversation id) so they can be failed together. A timeout is not
   * a transient error: the server may well have acted, so retrying blindly could duplicate; the
   * caller's `timeoutError` says which it is.
   */
  expect(key: string, timeoutMs: number, timeoutError: () => UcwaError, tag?: string): Promise<T> {
    const early = this.early.get(key);
    if (early !== undefined) {
      this.early.delete(key);
      return early.ok ? Promise.resolve(early.value) : Promise.reject(early.error);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        reject(timeoutError());
      }, timeoutMs);
      timer.unref();
      this.waiting.set(key, { resolve, reject, timer, tag });
    });
  }

  resolve(key: string, value: T): void {
    const waiter = this.take(key);
    if (waiter === undefined) this.keepEarly(key, { ok: true, value });
    else waiter.resolve(value);
  }

  reject(key: string, error: UcwaError): void {
    const waiter = this.take(key);
    if (waiter === undefined) this.keepEarly(key, { ok: false, error });
    else waiter.reject(error);
  }

  rejectTagged(tag: string, error: UcwaError): void {
    for (const [key, waiter] of [...this.waiting]) if (waiter.tag === tag) this.take(key)?.reject(error);
  }

  rejectAll(error: UcwaError): void {
    for (const key of [...this.waiting.keys()]) this.take(key)?.reject(error);
    this.early.clear();
  }

  private keepEarly(key: string, outcome: Outcome<T>): void {
    this.early.set(key, outcome);
    if (this.early.size > MAX_EARLY) this.early.delete(this.early.keys().next().value as string);
  }

  private take(key: string): Waiter<T> | undefined {
    const waiter = this.waiting.get(key);
    if (waiter === undefined) return undefined;
    this.waiting.delete(key);
    clearTimeout(waiter.timer);
    return waiter;
  }
}
