// The event channel's loop discipline (protocol §5.5, §5.6) against a server whose every P-GET the
// test answers by hand, on fake timers: which url is asked and when, what waits for what.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticatedHttp, Request } from '../../../src/main/ucwa/authenticated-http';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { errorDetail } from '../../../src/shared/error-detail';
import type { RawEvent } from '../../../src/main/ucwa/event-batch';
import { EventChannel } from '../../../src/main/ucwa/event-channel';
import type { EventChannelHandlers, EventChannelOptions } from '../../../src/main/ucwa/event-channel';
import type { HttpResponse } from '../../../src/main/ucwa/http-transport';
import type { Logger } from '../../../src/main/ucwa/logger';

const ORIGIN = 'https://pool.contoso.com';
const EVENTS = '/ucwa/oauth/v1/applications/3017/events';

interface Poll {
  readonly request: Request;
  answer(body: unknown, type?: string): void;
  fail(error: unknown): void;
}

/** Holds every P-GET until the test answers it, as a long-polling server does. */
class PollingServer {
  readonly polls: Poll[] = [];
  private taken = 0;

  send(request: Request): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const poll: Poll = {
        request,
        answer: (body, type = 'application/json') => resolve({ url: request.url, status: 200, headers: { 'content-type': type }, text: typeof body === 'string' ? body : JSON.stringify(body) }),
        fail: reject,
      };
      request.signal?.addEventListener('abort', () => reject(new UcwaError('cancelled', 'The request was cancelled.')));
      this.polls.push(poll);
    });
  }

  /**
   * The next P-GET the channel sends without waiting on a timer: one already sent and not yet
   * taken, or one sent once the promises queued now have run. None is a failure at once, not a
   * wait (the clock is fake: nothing else would ever send it).
   */
  async nextPoll(): Promise<Poll> {
    const index = this.taken++;
    if (this.polls[index] === undefined) await settle();
    const sent = this.polls[index];
    if (sent === undefined) throw new Error(`the channel sent no P-GET #${index + 1}`);
    return sent;
  }

  asHttp(): AuthenticatedHttp {
    return this as unknown as AuthenticatedHttp;
  }
}

interface BatchLinks {
  readonly next?: string;
  readonly resync?: string;
  readonly resume?: string;
}

/** An event batch as the server sends it, with one `added` conversation event per id given. */
function batch(links: BatchLinks, conversations: readonly string[] = []): unknown {
  const _links: Record<string, { href: string }> = { self: { href: `${EVENTS}?ack=0` } };
  for (const [rel, href] of Object.entries(links)) if (href !== undefined) _links[rel] = { href };
  const events = conversations.map((id) => ({ link: { rel: 'conversation', href: `/ucwa/oauth/v1/applications/3017/communication/conversations/${id}` }, type: 'added' }));
  return { _links, sender: events.length === 0 ? [] : [{ rel: 'communication', href: '/ucwa/oauth/v1/applications/3017/communication', events }] };
}

const ids = (events: readonly RawEvent[]): string[] => events.map((e) => e.url.pathname.split('/').pop() ?? '');

interface Recorded {
  readonly calls: string[];
  readonly connection: { state: string; reason?: string }[];
  readonly stopped: UcwaError[];
  /** Every warning and error with its fields, as the log file gets it. */
  readonly log: { message: string; fields?: Record<string, unknown> }[];
}

let server: PollingServer;
let recorded: Recorded;
let channel: EventChannel | undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  server = new PollingServer();
  recorded = { calls: [], connection: [], stopped: [], log: [] };
});

afterEach(async () => {
  await channel?.stop();
  channel = undefined;
  vi.useRealTimers();
});

function logger(): Logger {
  const record = (message: string, fields?: Record<string, unknown>): void => {
    recorded.log.push({ message, ...(fields === undefined ? {} : { fields }) });
  };
  return { debug: () => undefined, info: () => undefined, warn: record, error: record };
}

function open(handlers: Partial<EventChannelHandlers> = {}, options: Partial<EventChannelOptions> = {}, first = `${EVENTS}?ack=1`): EventChannel {
  const all: EventChannelHandlers = {
    onEvents: async (events) => {
      recorded.calls.push(`events ${ids(events).join(',')}`);
    },
    onResync: async () => {
      recorded.calls.push('resync');
    },
    onResume: async () => {
      recorded.calls.push('resume');
    },
    onConnection: (state, detail) => recorded.connection.push({ state, ...(detail === undefined ? {} : { reason: detail.reason }) }),
    onStopped: (error) => recorded.stopped.push(error),
    ...handlers,
  };
  channel = new EventChannel(server.asHttp(), new URL(first, ORIGIN), all, { timeoutSeconds: 180, backoffBaseMs: 100, backoffMaxMs: 400, random: () => 0.5, ...options }, logger());
  channel.start();
  return channel;
}

/** Lets queued promise callbacks run without moving the clock. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

/** Asserts no P-GET is sent in the `ms - 1` milliseconds from now and one is at `ms`. */
async function expectPollAfter(ms: number): Promise<Poll> {
  await settle();
  const before = server.polls.length;
  await vi.advanceTimersByTimeAsync(ms - 1);
  expect(server.polls.length, `a poll came before ${ms} ms`).toBe(before);
  await vi.advanceTimersByTimeAsync(1);
  expect(server.polls.length, `no poll at ${ms} ms`).toBe(before + 1);
  return server.nextPoll();
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const transient = (status = 503, retryAfterMs?: number): UcwaError => new UcwaError('http', `${status} from ${EVENTS}`, { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

describe('the event channel asks', () => {
  it('for the url it was given, with the timeout added by name and the server’s ack left as it is', async () => {
    open({}, { timeoutSeconds: 240 });
    const poll = await server.nextPoll();
    expect(poll.request.method).toBe('GET');
    expect(poll.request.url.pathname).toBe(EVENTS);
    expect(poll.request.url.searchParams.get('ack')).toBe('1');
    expect(poll.request.url.searchParams.get('timeout')).toBe('240');
    expect(poll.request.headers).toEqual({ Accept: 'application/json' });
    // The HTTP deadline must outlast the time the server may hold the poll (§5.5).
    expect(poll.request.timeoutMs).toBe(300_000);
    expect(poll.request.signal).toBeDefined();
  });

  it('one P-GET at a time, even when started twice', async () => {
    const channel = open();
    channel.start();
    await settle();
    expect(server.polls).toHaveLength(1);
    expect(channel.polls).toBe(1);
  });

  it('for next, then next again, counting its polls', async () => {
    const channel = open();
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=2` }, ['a']));
    const second = await server.nextPoll();
    expect(second.request.url.searchParams.get('ack')).toBe('2');
    second.answer(batch({ next: `${EVENTS}?ack=3` }, ['b']));
    const third = await server.nextPoll();
    expect(third.request.url.searchParams.get('ack')).toBe('3');
    expect(channel.url.href).toBe(`${ORIGIN}${EVENTS}?ack=3`);
    expect(channel.polls).toBe(3);
    await channel.idle();
    expect(recorded.calls).toEqual(['events a', 'events b']);
    // Nothing was ever lost: nothing to announce.
    expect(recorded.connection).toEqual([]);
  });
});

describe('a batch', () => {
  it('is processed behind the next P-GET, and batches strictly one after the other (§5.5)', async () => {
    const first = deferred();
    const seen: string[] = [];
    const channel = open({
      onEvents: async (events) => {
        seen.push(`start ${ids(events).join(',')}`);
        if (ids(events)[0] === 'a') await first.promise;
        seen.push(`end ${ids(events).join(',')}`);
      },
    });
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=2` }, ['a']));
    // The next poll is out while the first batch is still being processed.
    const second = await server.nextPoll();
    expect(seen).toEqual(['start a']);
    second.answer(batch({ next: `${EVENTS}?ack=3` }, ['b']));
    await server.nextPoll();
    await settle();
    expect(seen).toEqual(['start a']);
    first.resolve();
    await channel.idle();
    expect(seen).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('without events is not handed on', async () => {
    const channel = open();
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=2` }));
    await server.nextPoll();
    await channel.idle();
    expect(recorded.calls).toEqual([]);
  });

  it('that fails in processing is logged, and the batches after it are still processed', async () => {
    const channel = open({
      onEvents: async (events) => {
        if (ids(events)[0] === 'a') throw new Error('handler broke');
        recorded.calls.push(`events ${ids(events).join(',')}`);
      },
    });
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=2` }, ['a']));
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=3` }, ['b']));
    await server.nextPoll();
    await channel.idle();
    expect(recorded.log).toEqual([{ message: 'event processing failed', fields: { reason: 'handler broke' } }]);
    expect(recorded.calls).toEqual(['events b']);
  });

  it('with one malformed event: the others are processed and the skipped one is logged', async () => {
    const channel = open();
    const sent = batch({ next: `${EVENTS}?ack=2` }, ['a', 'b']) as { sender: { events: unknown[] }[] };
    sent.sender[0]?.events.splice(1, 0, { link: { rel: 'conversation' }, type: 'added' });
    (await server.nextPoll()).answer(sent);
    await server.nextPoll();
    await channel.idle();
    expect(recorded.calls).toEqual(['events a,b']);
    expect(recorded.log).toEqual([{ message: 'skipped a malformed event', fields: { why: 'event 1 of sender communication is malformed' } }]);
  });

  it('with resume: the channel follows resume, and the client re-reads before the batch’s events (§5.6)', async () => {
    const channel = open();
    (await server.nextPoll()).answer(batch({ resume: `${EVENTS}?ack=7`, next: `${EVENTS}?ack=99` }, ['a']));
    const next = await server.nextPoll();
    expect(next.request.url.searchParams.get('ack')).toBe('7');
    await channel.idle();
    expect(recorded.calls).toEqual(['resume', 'events a']);
  });

  it('with resync: the channel follows resync before anything else and the client re-reads its transient state (§5.6)', async () => {
    const channel = open();
    (await server.nextPoll()).answer(batch({ resync: `${EVENTS}?ack=4`, resume: `${EVENTS}?ack=8`, next: `${EVENTS}?ack=9` }));
    const next = await server.nextPoll();
    expect(next.request.url.searchParams.get('ack')).toBe('4');
    await channel.idle();
    expect(recorded.calls).toEqual(['resync']);
  });

  it('with resync whose re-reading fails: logged, and the channel goes on', async () => {
    const channel = open({
      onResync: () => Promise.reject(new Error('re-read failed')),
    });
    (await server.nextPoll()).answer(batch({ resync: `${EVENTS}?ack=4` }));
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=5` }, ['a']));
    await server.nextPoll();
    await channel.idle();
    expect(recorded.log).toEqual([{ message: 're-reading after resync failed', fields: { reason: 're-read failed' } }]);
    expect(recorded.calls).toEqual(['events a']);
  });
});

describe('a failed P-GET', () => {
  it('is asked again at the same url after a backoff that doubles per failure up to its cap', async () => {
    // random 0.5: each wait is three quarters of min(max, base · 2^(failures − 1)).
    open();
    (await server.nextPoll()).fail(new UcwaError('unreachable', 'The server cannot be reached.'));
    for (const delay of [75, 150, 300, 300]) {
      const again = await expectPollAfter(delay);
      expect(again.request.url.searchParams.get('ack')).toBe('1');
      again.fail(new UcwaError('timeout', 'The server did not answer in time.'));
    }
  });

  it('waits between half and all of the backoff, as its random number says', async () => {
    open({}, { random: () => 0 });
    (await server.nextPoll()).fail(transient());
    await expectPollAfter(50);
    await channel?.stop();
    server = new PollingServer();
    open({}, { random: () => 0.999 });
    (await server.nextPoll()).fail(transient());
    await expectPollAfter(100);
  });

  it('tells the client it is reconnecting each time, with the reason, and connected once it answers', async () => {
    open();
    (await server.nextPoll()).fail(new UcwaError('unreachable', errorDetail('cannotReach', { host: 'pool.contoso.com', cause: 'ECONNRESET' })));
    (await expectPollAfter(75)).fail(transient());
    (await expectPollAfter(150)).answer(batch({ next: `${EVENTS}?ack=2` }, ['a']));
    const afterRecovery = await server.nextPoll();
    // Told as soon as the first poll after the failures answers, not one poll later.
    expect(recorded.connection).toEqual([{ state: 'reconnecting', reason: 'cannotReach' }, { state: 'reconnecting' }, { state: 'connected' }]);
    afterRecovery.answer(batch({ next: `${EVENTS}?ack=3` }, ['b']));
    await server.nextPoll();
    expect(recorded.connection).toHaveLength(3);
    // The log says which attempt, how long it waits and why, for whoever reads it later.
    expect(recorded.log).toEqual([
      { message: 'event channel failed; retrying the same url', fields: { attempt: 1, delayMs: 75, reason: 'Cannot reach pool.contoso.com (ECONNRESET).' } },
      { message: 'event channel failed; retrying the same url', fields: { attempt: 2, delayMs: 150, reason: `503 from ${EVENTS}` } },
    ]);
  });

  it('after a malformed batch is asked again at the same url', async () => {
    open();
    (await server.nextPoll()).answer('<html>proxy error</html>', 'text/html');
    const again = await expectPollAfter(75);
    expect(again.request.url.searchParams.get('ack')).toBe('1');
    again.answer({ _links: {} });
    const third = await expectPollAfter(150);
    expect(third.request.url.searchParams.get('ack')).toBe('1');
    third.answer('{"_links": {"next"');
    await expectPollAfter(300);
    expect(recorded.log.map((line) => line.fields?.reason)).toEqual([
      'pool.contoso.com answered with text/html, not JSON.',
      'The event batch has no next, resync or resume link.',
      'The server sent malformed JSON for the event batch.',
    ]);
  });

  it('honours Retry-After on a transient answer, but never less than the base wait nor more than four caps', async () => {
    open();
    (await server.nextPoll()).fail(transient(503, 1_200));
    (await expectPollAfter(1_200)).fail(transient(429, 0));
    (await expectPollAfter(100)).fail(transient(503, 60_000));
    await expectPollAfter(1_600);
  });

  it('ignores Retry-After on an answer that is not transient', async () => {
    open();
    (await server.nextPoll()).fail(transient(400, 5_000));
    await expectPollAfter(75);
  });

  it('is asked again at once when the client says the network is back', async () => {
    const channel = open({}, { backoffBaseMs: 10_000, backoffMaxMs: 60_000 });
    (await server.nextPoll()).fail(transient());
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.polls).toHaveLength(1);
    channel.pollNow();
    await settle();
    expect(server.polls).toHaveLength(2);
  });

  it.each([
    ['the application is gone (404 ApplicationNotFound)', new UcwaError('application-gone', 'The application is gone.', { status: 404, subcode: 'ApplicationNotFound' })],
    ['410 Gone', new UcwaError('gone', 'The server says the resource is gone.', { status: 410 })],
    ['another instance took the channel (409 PGetReplaced)', new UcwaError('http', '409 PGetReplaced', { status: 409, subcode: 'PGetReplaced' })],
    ['the server moved us to a host we do not trust', new UcwaError('untrusted-server', 'Not trusted.', { host: 'evil.example' })],
  ])('stops the channel for good when %s', async (_what, error) => {
    const channel = open();
    (await server.nextPoll()).fail(error);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(recorded.stopped).toEqual([error]);
    expect(server.polls).toHaveLength(1);
    expect(recorded.connection).toEqual([]);
    channel.start();
    await settle();
    expect(server.polls).toHaveLength(2);
  });

  it.each([
    ['a 409 that is not PGetReplaced', new UcwaError('http', '409 Conflict', { status: 409, subcode: 'Other' })],
    ['a server error whose body names PGetReplaced (only a 409 says the poll was replaced, §5.6)', new UcwaError('http', '500 PGetReplaced', { status: 500, subcode: 'PGetReplaced' })],
  ])('is retried on %s', async (_what, error) => {
    open();
    (await server.nextPoll()).fail(error);
    await expectPollAfter(75);
    expect(recorded.stopped).toEqual([]);
  });
});

describe('a server that answers empty polls at once', () => {
  it('is polled more and more slowly, from the second quick empty answer, up to the cap', async () => {
    open({}, { quickEmptyPollMs: 1_000 });
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=1` }));
    const second = await server.nextPoll();
    second.answer(batch({ next: `${EVENTS}?ack=1` }));
    (await expectPollAfter(100)).answer(batch({ next: `${EVENTS}?ack=1` }));
    (await expectPollAfter(200)).answer(batch({ next: `${EVENTS}?ack=1` }));
    (await expectPollAfter(400)).answer(batch({ next: `${EVENTS}?ack=1` }));
    await expectPollAfter(400);
    expect(recorded.log.map((line) => line.fields?.delayMs)).toEqual([100, 200, 400, 400]);
    expect(new Set(recorded.log.map((line) => line.message))).toEqual(new Set(['the server answers empty event polls at once; slowing down']));
  });

  it('is not slowed once an empty answer took its time, nor by answers with events', async () => {
    open({}, { quickEmptyPollMs: 1_000 });
    for (let i = 0; i < 3; i++) {
      const poll = await server.nextPoll();
      await vi.advanceTimersByTimeAsync(1_000);
      poll.answer(batch({ next: `${EVENTS}?ack=1` }));
    }
    for (let i = 0; i < 3; i++) (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=${i + 2}` }, [`c${i}`]));
    await server.nextPoll();
    expect(server.polls).toHaveLength(7);
  });

  it('counts as quick below one second unless told otherwise', async () => {
    open();
    const first = await server.nextPoll();
    await vi.advanceTimersByTimeAsync(999);
    first.answer(batch({ next: `${EVENTS}?ack=1` }));
    const second = await server.nextPoll();
    await vi.advanceTimersByTimeAsync(999);
    second.answer(batch({ next: `${EVENTS}?ack=1` }));
    await expectPollAfter(100);
  });
});

describe('stopping the channel', () => {
  it('cancels the P-GET in flight and sends no other', async () => {
    const channel = open();
    const poll = await server.nextPoll();
    await channel.stop();
    expect(poll.request.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.polls).toHaveLength(1);
    expect(recorded.connection).toEqual([]);
    expect(recorded.stopped).toEqual([]);
  });

  it('during a backoff wait ends the wait without another poll', async () => {
    const channel = open({}, { backoffBaseMs: 10_000, backoffMaxMs: 60_000 });
    (await server.nextPoll()).fail(transient());
    await settle();
    await channel.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.polls).toHaveLength(1);
  });

  it('waits for the batch being processed', async () => {
    const held = deferred();
    let finished = false;
    const channel = open({
      onEvents: async () => {
        await held.promise;
        finished = true;
      },
    });
    (await server.nextPoll()).answer(batch({ next: `${EVENTS}?ack=2` }, ['a']));
    await server.nextPoll();
    let stopped = false;
    const stopping = channel.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    held.resolve();
    await stopping;
    expect(finished).toBe(true);
  });
});
