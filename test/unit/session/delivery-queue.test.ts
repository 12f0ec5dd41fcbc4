// The outbox never holds a message forever nor sends one twice: without a connection or with a busy
// server it waits at most its timeout, then fails with a reason the user can read; nothing sent is held.
// Fake timers: the waits are the behaviour under test, so the test moves the clock itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { DeliveryQueue, isRetryable } from '../../../src/main/session/delivery-queue';
import type { DeliveryHost } from '../../../src/main/session/delivery-queue';
import { UcwaError } from '../../../src/main/ucwa/index';
import { errorDetail, type ErrorDetail } from '../../../src/shared/error-detail';

const TIMEOUT_MS = 10_000;

function message(text: string): ChatMessage {
  return { id: `out:${text}`, conversationId: 'chat:ben@contoso.com', direction: 'out', from: { uri: 'sip:ana@contoso.com', name: 'Ana' }, text, time: 0, delivery: 'sending' };
}

interface Recorder {
  up: boolean;
  readonly attempts: string[];
  readonly failures: { text: string; reason: ErrorDetail }[];
  attempt: (m: ChatMessage) => Promise<void>;
}

function host(recorder: Recorder): DeliveryHost {
  return {
    isUp: () => recorder.up,
    attempt: async (m) => {
      recorder.attempts.push(m.text);
      await recorder.attempt(m);
    },
    failed: (m, reason) => recorder.failures.push({ text: m.text, reason }),
  };
}

function recorder(up: boolean, attempt: Recorder['attempt'] = async () => undefined): Recorder {
  return { up, attempts: [], failures: [], attempt };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the outbox timeout', () => {
  it('fails a message that found no connection for its whole timeout, and not a moment earlier', async () => {
    const r = recorder(false);
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(r.failures).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('notSentNoConnection', {}) }]);
    expect(r.attempts).toEqual([]);
    // A connection that comes back later does not resurrect it.
    r.up = true;
    queue.up();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.attempts).toEqual([]);
  });

  it('fails it even when its timer fires a millisecond before the clock reaches the deadline (Node timers may)', async () => {
    const r = recorder(false);
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    const start = Date.now();
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(0);
    // The wall clock lags the timers by a millisecond when the deadline's timer fires.
    const lagging = vi.spyOn(Date, 'now').mockImplementation(() => start + TIMEOUT_MS - 1);
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(lagging).toHaveBeenCalled();
    expect(r.failures).toEqual([]);
    lagging.mockRestore();
    await vi.advanceTimersByTimeAsync(5);
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('notSentNoConnection', {}) }]);
  });

  it('sends a message whose connection came back within the timeout', async () => {
    const r = recorder(false);
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    r.up = true;
    queue.up();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.attempts).toEqual(['hello']);
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(r.failures).toEqual([]);
  });

  it('fails a message whose connection dropped under it and stayed down past the timeout', async () => {
    const r = recorder(true);
    r.attempt = async () => {
      r.up = false;
      throw new UcwaError('unreachable', errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNRESET' }));
    };
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(r.attempts).toEqual(['hello']);
    expect(r.failures).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('notSentNoConnection', {}) }]);
  });

  it('an attempt that outlasts the timeout and loses the connection ends with its own reason', async () => {
    const r = recorder(true);
    r.attempt = async () => {
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 1_000));
      r.up = false;
      throw new UcwaError('unreachable', errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNRESET' }));
    };
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS + 1_000);
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNRESET' }) }]);
  });

  it('stops retrying a busy server once the timeout has passed, with the server\'s reason', async () => {
    const r = recorder(true, async () => {
      throw new UcwaError('http', 'The server is busy.', { status: 503, retryAfterMs: 3_000 });
    });
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 100 });
    queue.enqueue(message('hello'));
    // Tries at 0, 3, 6 and 9 s, then one more when the Retry-After is over at 12 s: past the timeout,
    // its failure is final.
    await vi.advanceTimersByTimeAsync(9_000);
    expect(r.attempts).toHaveLength(4);
    expect(r.failures).toEqual([]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('serverAnswered', { status: 503, subcode: '' }) }]);
    expect(r.attempts).toHaveLength(5);
  });

  it('keeps each conversation in order: the second message waits for the first to fail', async () => {
    const r = recorder(false);
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('first'));
    await vi.advanceTimersByTimeAsync(5_000);
    queue.enqueue(message('second'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.failures.map((f) => f.text)).toEqual(['first']);
    // The second one's own timeout starts when its turn comes.
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(r.failures.map((f) => f.text)).toEqual(['first', 'second']);
  });
});

describe('the outbox\'s other limits', () => {
  it('gives up after the last of its attempts, counting from one', async () => {
    const r = recorder(true, async () => {
      throw new UcwaError('http', 'Busy.', { status: 503 });
    });
    const queue = new DeliveryQueue(host(r), { timeoutMs: 3_600_000, retryBaseMs: 100, maxAttempts: 3 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.attempts).toHaveLength(3);
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('serverAnswered', { status: 503, subcode: '' }) }]);
  });

  it('waits as long as the server asked before trying again, else backs off from its base', async () => {
    const r = recorder(true, async () => {
      throw new UcwaError('http', 'Busy.', { status: 503, ...(r.attempts.length === 1 ? { retryAfterMs: 5_000 } : {}) });
    });
    const queue = new DeliveryQueue(host(r), { timeoutMs: 3_600_000, retryBaseMs: 100, maxAttempts: 3 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(r.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.attempts).toHaveLength(2);
    // No Retry-After this time: the backoff, at least half its base, not at once.
    await vi.advanceTimersByTimeAsync(10);
    expect(r.attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.attempts).toHaveLength(3);
  });

  it('fails what is waiting when the person signs out', async () => {
    const r = recorder(false);
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(1_000);
    queue.cancelAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('notSentSignedOut', {}) }]);
  });

  it('retries only what may work a moment later', () => {
    expect(isRetryable(new UcwaError('invitation-failed', 'Away.', { subcode: 'TemporarilyUnavailable' }))).toBe(true);
    expect(isRetryable(new UcwaError('invitation-failed', 'Declined.', { subcode: 'Declined' }))).toBe(false);
    expect(isRetryable(new UcwaError('unreachable', 'No network.'))).toBe(true);
    expect(isRetryable(new UcwaError('wrong-credentials', 'No.'))).toBe(false);
    expect(isRetryable(new Error('plain'))).toBe(false);
  });
});

describe('the outbox at its edges', () => {
  it('never sends again a message the server may have delivered, even when the connection dropped with it', async () => {
    const r = recorder(true, async () => {
      r.up = false;
      throw new UcwaError('delivery-unconfirmed', errorDetail('mayHaveArrived', {}));
    });
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(0);
    // Failed at once with the reason, for the user to decide; not held until the connection is back.
    expect(r.failures).toEqual([{ text: 'hello', reason: errorDetail('mayHaveArrived', {}) }]);
    r.up = true;
    queue.up();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(r.attempts).toEqual(['hello']);
  });

  it('a message whose connection dropped under it waits for the connection, whatever attempts it has used', async () => {
    const r = recorder(true, async () => {
      if (r.attempts.length > 1) return;
      r.up = false;
      throw new UcwaError('unreachable', errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNRESET' }));
    });
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 1 });
    queue.enqueue(message('hello'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.failures).toEqual([]);
    r.up = true;
    queue.up();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.attempts).toEqual(['hello', 'hello']);
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(r.failures).toEqual([]);
  });

  it('an attempt that fails just as the timeout is reached ends with its own reason, and is not tried again', async () => {
    const r = recorder(true, async () => {
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS));
      if (r.attempts.length === 1) r.up = false;
      throw new UcwaError('unreachable', errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNRESET' }));
    });
    const queue = new DeliveryQueue(host(r), { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 });
    queue.enqueue(message('lost'));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(r.failures).toEqual([{ text: 'lost', reason: errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNRESET' }) }]);

    // The same with the connection still up: the server's busy answer is final at the timeout.
    r.up = true;
    r.attempt = async () => {
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS));
      throw new UcwaError('http', 'The server is busy.', { status: 503 });
    };
    queue.enqueue(message('busy'));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    expect(r.failures.at(-1)).toEqual({ text: 'busy', reason: errorDetail('serverAnswered', { status: 503, subcode: '' }) });
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS * 3);
    expect(r.attempts).toEqual(['lost', 'busy']);
  });

  it('a message that went out at once leaves nothing waiting on the connection', async () => {
    const r = recorder(true);
    let asked = 0;
    const queue = new DeliveryQueue(
      {
        ...host(r),
        isUp: () => {
          asked += 1;
          return r.up;
        },
      },
      { timeoutMs: TIMEOUT_MS, retryBaseMs: 100, maxAttempts: 4 },
    );
    for (const text of ['one', 'two', 'three']) queue.enqueue(message(text));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.attempts).toEqual(['one', 'two', 'three']);
    // A reconnection later has no one to wake: nothing of those messages is still held.
    asked = 0;
    queue.up();
    expect(asked).toBe(0);
  });
});
