// Raw HTTP against the simulator, without the client: tokens, applications, P-GETs by hand, and a
// pump that keeps one P-GET outstanding and records every batch, as §5.5 asks of a client.
import { expect } from 'vitest';
import type { UcwaSimulator } from '../../../src/simulator/index';

export interface Json {
  [key: string]: unknown;
}

export interface WireEvent {
  readonly link: { readonly rel: string; readonly href: string; readonly title?: string };
  readonly type: string;
  readonly in?: { readonly rel: string; readonly href: string };
  readonly _embedded?: Record<string, Json | Json[]>;
  readonly status?: string;
  readonly reason?: Json;
}

export interface Batch {
  readonly _links: Record<string, { href: string }>;
  readonly sender?: { rel: string; href: string; events: WireEvent[] }[];
}

export interface RawApp {
  readonly sim: UcwaSimulator;
  readonly user: string;
  readonly auth: Record<string, string>;
  readonly base: string;
  readonly body: Json;
  /** The next events URL (path and query), as the server gave it. */
  next: string;
}

export async function token(sim: UcwaSimulator, user = 'ana@contoso.com'): Promise<string> {
  const res = await fetch(`${sim.url}/WebTicket/oauthtoken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'password', username: user, password: 'demo' }).toString() });
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function createApp(sim: UcwaSimulator, user = 'ana@contoso.com', endpointId = `e-${user}`): Promise<RawApp> {
  const auth = { authorization: `Bearer ${await token(sim, user)}`, accept: 'application/json' };
  const res = await fetch(`${sim.url}/ucwa/oauth/v1/applications`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ userAgent: 't', endpointId, culture: 'en-US' }) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as Json;
  const base = res.headers.get('location') ?? '';
  return { sim, user, auth, base, body, next: `${base}/events?ack=1` };
}

export async function makeAvailable(app: RawApp): Promise<void> {
  const res = await post(app, `${app.base}/me/makeMeAvailable`, { SupportedModalities: ['Messaging'] });
  expect(res.status).toBe(204);
}

export function post(app: RawApp, path: string, body?: unknown, contentType = 'application/json', signal?: AbortSignal): Promise<Response> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${app.sim.url}${path}`, { method: 'POST', headers: { ...app.auth, ...(text === undefined ? {} : { 'content-type': contentType }) }, ...(text === undefined ? {} : { body: text }), ...(signal === undefined ? {} : { signal }) });
}

export function get(app: RawApp, path: string): Promise<Response> {
  return fetch(`${app.sim.url}${path}`, { headers: app.auth });
}

/** One P-GET on the app's current `next` URL; moves `next` on. */
export async function poll(app: RawApp, signal?: AbortSignal): Promise<Batch> {
  const res = await fetch(`${app.sim.url}${app.next}`, { headers: app.auth, ...(signal === undefined ? {} : { signal }) });
  expect(res.status).toBe(200);
  const batch = (await res.json()) as Batch;
  const next = batch._links.next ?? batch._links.resume;
  if (next !== undefined) app.next = next.href;
  return batch;
}

export function eventsOf(batch: Batch): WireEvent[] {
  return (batch.sender ?? []).flatMap((s) => s.events);
}

/** The embedded copy of the event's target, if the event carries one. */
export function copyOf(event: WireEvent): Json | undefined {
  const copy = event._embedded?.[event.link.rel];
  return copy === undefined || Array.isArray(copy) ? undefined : copy;
}

export function plainText(event: WireEvent): string | undefined {
  const links = copyOf(event)?._links as Record<string, { href: string }> | undefined;
  const href = links?.plainMessage?.href;
  if (href === undefined) return undefined;
  return decodeURIComponent(href.slice(href.indexOf(',') + 1).replace(/\+/g, ' '));
}

/** Polls until `done` holds for the events seen so far (bounded, so a broken server fails the test). */
export async function pollUntil(app: RawApp, done: (events: readonly WireEvent[]) => boolean, maxPolls = 40): Promise<{ events: WireEvent[]; batches: Batch[] }> {
  const events: WireEvent[] = [];
  const batches: Batch[] = [];
  for (let i = 0; i < maxPolls && !done(events); i++) {
    const batch = await poll(app);
    batches.push(batch);
    events.push(...eventsOf(batch));
  }
  expect(done(events)).toBe(true);
  return { events, batches };
}

/** Keeps a P-GET outstanding in the background, like a client's event loop, and records every batch. */
export class EventPump {
  readonly batches: Batch[] = [];
  private readonly stopper = new AbortController();
  private readonly loop: Promise<void>;
  private wake: (() => void) | undefined;
  private failure: unknown;

  constructor(private readonly app: RawApp) {
    this.loop = this.run();
  }

  get events(): WireEvent[] {
    return this.batches.flatMap(eventsOf);
  }

  /** Resolves with the events so far once `done` holds for them. */
  async until(done: (events: readonly WireEvent[]) => boolean, timeoutMs = 10_000): Promise<WireEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.events)) {
      if (this.failure !== undefined) throw this.failure;
      if (Date.now() > deadline) throw new Error(`events never matched; seen: ${JSON.stringify(this.events.map((e) => `${e.link.rel} ${e.type}`))}`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 100);
      });
    }
    return this.events;
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.loop;
    if (this.failure !== undefined) throw this.failure;
  }

  private async run(): Promise<void> {
    while (!this.stopper.signal.aborted) {
      try {
        this.batches.push(await poll(this.app, this.stopper.signal));
        this.wake?.();
      } catch (error) {
        if (!this.stopper.signal.aborted) this.failure = error;
        this.wake?.();
        return;
      }
    }
  }
}

/** Waits for a condition on the simulator's own state (a positive signal, checked every 10 ms). */
export async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
