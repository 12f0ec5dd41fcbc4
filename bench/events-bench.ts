// Event batches parsed and dispatched, from the JSON text as it arrives to the typed events the
// session sees: one big batch (a burst) and many batches of one event each (the common case at low
// traffic, where per-batch overhead dominates). Prints; never fails on speed.
import { performance } from 'node:perf_hooks';
import { AuthenticatedHttp } from '../src/main/ucwa/authenticated-http';
import { parseEventBatch } from '../src/main/ucwa/event-batch';
import { EventDispatcher } from '../src/main/ucwa/event-dispatcher';
import { Messaging } from '../src/main/ucwa/messaging';
import { HttpTransport } from '../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger, silentSink } from '../src/main/ucwa/logger';
import { People } from '../src/main/ucwa/people';
import { PresenceSubscriber } from '../src/main/ucwa/presence-subscriber';
import { CredentialTrust } from '../src/main/ucwa/trust-policy';
import { encodeDataUri } from '../src/main/ucwa/data-uri';

const APP = '/ucwa/oauth/v1/applications/1';
const CONV = `${APP}/communication/conversations/c1`;

function messageEvent(i: number): unknown {
  return {
    link: { rel: 'message', href: `${CONV}/messaging/messages/${i}` },
    type: 'completed',
    status: 'Success',
    _embedded: { message: { direction: 'Incoming', timeStamp: '/Date(1732442415337)/', _links: { participant: { href: `${CONV}/participants/ben@contoso.com`, title: 'Ben' }, plainMessage: { href: encodeDataUri('text/plain', `Hello number ${i}, how are you?`) } }, rel: 'message' } },
  };
}

function batchText(first: number, count: number): string {
  return JSON.stringify({ _links: { next: { href: `${APP}/events?ack=${first + 2}` } }, sender: [{ rel: 'conversation', href: CONV, events: Array.from({ length: count }, (_, i) => messageEvent(first + i)) }] });
}

function dispatcher(onMessage: () => void): EventDispatcher {
  const redactor = new SecretRedactor();
  const logger = createLogger('bench', silentSink, redactor);
  const http = new AuthenticatedHttp(new HttpTransport(undefined, logger), { user: 'x@y', password: 'p' }, redactor, logger, new CredentialTrust({ user: 'x@y' }));
  const emit = (e: { type: string }): void => {
    if (e.type === 'messageReceived') onMessage();
  };
  const messaging = new Messaging(http, emit, () => undefined, { invitationMs: 1000, deliveryMs: 1000 });
  const people = new People(http, () => undefined);
  const subscriber = new PresenceSubscriber(http, () => undefined, { durationMinutes: 30, extendEveryMs: 60_000, chunkSize: 100 }, logger);
  return new EventDispatcher(http, messaging, people, subscriber, emit, logger);
}

export interface Rate {
  /** Events per wall-clock second. */
  readonly wall: number;
  /** Events per second of this process's CPU time: what the code costs, whatever else the machine runs. */
  readonly cpu: number;
}

/** Events per second through parse and dispatch: `batches` batches of `perBatch` events each. */
export async function eventsPerSecond(batches: number, perBatch: number): Promise<Rate> {
  const texts = Array.from({ length: batches }, (_, b) => batchText(b * perBatch, perBatch));
  let received = 0;
  const target = dispatcher(() => received++);
  const base = new URL(`https://pool.contoso.com${APP}/events?ack=1`);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const text of texts) await target.dispatch(parseEventBatch(JSON.parse(text), base).events);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  if (received !== batches * perBatch) throw new Error(`only ${received} of ${batches * perBatch} messages were dispatched`);
  return { wall: received / seconds, cpu: received / ((cpu.user + cpu.system) / 1e6) };
}

const best = (a: Rate, b: Rate): Rate => ({ wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) });
const perSecond = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function benchEvents(quick: boolean): Promise<{ eventsPerSecSingle: number; eventsPerSecSingleWall: number; eventsPerSecBatched: number }> {
  const single = quick ? 20_000 : 50_000;
  // Warm-up, so the figures measure compiled code.
  await eventsPerSecond(2_000, 1);
  const one = best(await eventsPerSecond(single, 1), await eventsPerSecond(single, 1));
  const burst = await eventsPerSecond(1, single);
  console.log(`events parsed and dispatched, one event per batch (${perSecond(single)} batches, best of 2): ${perSecond(one.cpu)}/s of CPU time, ${perSecond(one.wall)}/s wall clock`);
  console.log(`events parsed and dispatched, one ${perSecond(single)}-event batch: ${perSecond(burst.cpu)}/s of CPU time, ${perSecond(burst.wall)}/s wall clock`);
  return { eventsPerSecSingle: one.cpu, eventsPerSecSingleWall: one.wall, eventsPerSecBatched: burst.cpu };
}
