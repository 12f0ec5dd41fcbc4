// Send → delivered, for the client and for its floor: the SAME request sequence over raw undici
// (an application of its own, a POST to sendMessage, the completion read from a pending event GET),
// interleaved send by send in one run so both see the same machine. Prints; never fails on speed.
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { UcwaClient } from '../src/main/ucwa/index';
import { createSimulator } from '../src/simulator/index';
import { median, ms, percentile } from './stats';

type Json = { readonly [key: string]: unknown };

/** A UCWA application driven by hand: what the client does for a send, and nothing else. */
class RawUcwa {
  private token = '';
  private eventsUrl = '';
  private sendUrl = '';

  constructor(
    private readonly pool: Pool,
    private readonly origin: string,
  ) {}

  private async call(method: 'GET' | 'POST', path: string, body?: string, type = 'application/json'): Promise<{ status: number; json: Json; location?: string }> {
    const res = await this.pool.request({ method, path, headers: { accept: 'application/json', ...(this.token === '' ? {} : { authorization: `Bearer ${this.token}` }), ...(body === undefined ? {} : { 'content-type': type }) }, ...(body === undefined ? {} : { body }) });
    const text = await res.body.text();
    const location = res.headers.location;
    return { status: res.statusCode, json: text === '' ? {} : (JSON.parse(text) as Json), ...(typeof location === 'string' ? { location } : {}) };
  }

  private path(href: string): string {
    const url = new URL(href, this.origin);
    return `${url.pathname}${url.search}`;
  }

  async signIn(user: string, password: string): Promise<void> {
    const form = new URLSearchParams({ grant_type: 'password', username: user, password }).toString();
    this.token = String((await this.call('POST', '/WebTicket/oauthtoken', form, 'application/x-www-form-urlencoded')).json.access_token);
    const app = (await this.call('POST', '/ucwa/oauth/v1/applications', JSON.stringify({ UserAgent: 'raw-floor', EndpointId: `raw-${randomUUID()}`, Culture: 'en-US' }))).json;
    const links = app._links as Record<string, { href: string }>;
    const embedded = app._embedded as Record<string, { _links: Record<string, { href: string }> }>;
    this.eventsUrl = this.path((links.events as { href: string }).href);
    await this.call('POST', this.path((embedded.me?._links.makeMeAvailable as { href: string }).href), JSON.stringify({ SupportedModalities: ['Messaging'], SupportedMessageFormats: ['Plain'] }));
    const start = this.path((embedded.communication?._links.startMessaging as { href: string }).href);
    const poll = this.events();
    await this.call('POST', start, JSON.stringify({ to: 'sip:ben@contoso.com', subject: '', importance: 'Normal', operationId: randomUUID(), sessionContext: randomUUID() }));
    // Until messaging is connected: then its resource carries the sendMessage link (read as the client does).
    let messaging: string | undefined;
    for (let next: Promise<Json> | undefined = poll; next !== undefined; next = this.sendUrl === '' ? this.events() : undefined) {
      const events = eventsOf(await next);
      for (const e of events) if ((e.link as { rel: string }).rel === 'messaging') messaging = (e.link as { href: string }).href;
      if (messaging !== undefined && events.some((e) => (e.link as { rel: string }).rel === 'messagingInvitation' && e.type === 'completed')) {
        const send = ((await this.call('GET', this.path(messaging))).json._links as Record<string, { href: string }> | undefined)?.sendMessage?.href;
        if (send !== undefined) this.sendUrl = this.path(send);
      }
    }
  }

  /** One event GET (a long poll), moving the channel on to the batch's next link. */
  private async events(): Promise<Json> {
    const batch = (await this.call('GET', `${this.eventsUrl}${this.eventsUrl.includes('?') ? '&' : '?'}timeout=60`)).json;
    const next = (batch._links as Record<string, { href: string }> | undefined)?.next?.href;
    if (next !== undefined) this.eventsUrl = this.path(next);
    return batch;
  }

  /** POST the message with an event GET pending; done when that channel reports the send completed. */
  async send(text: string): Promise<void> {
    let poll = this.events();
    const posted = await this.call('POST', `${this.sendUrl}${this.sendUrl.includes('?') ? '&' : '?'}operationId=${randomUUID()}`, text, 'text/plain; charset=UTF-8');
    const href = posted.location === undefined ? undefined : this.path(posted.location);
    for (;;) {
      const batch = await poll;
      if (eventsOf(batch).some((e) => e.type === 'completed' && (e.link as { rel: string; href: string }).rel === 'message' && (href === undefined || this.path((e.link as { href: string }).href) === href))) return;
      poll = this.events();
    }
  }
}

function eventsOf(batch: Json): Json[] {
  return ((batch.sender as { events?: Json[] }[] | undefined) ?? []).flatMap((s) => s.events ?? []);
}

export async function benchSend(count: number): Promise<{ sendVsRawFloor: number; sendMedianMs: number; rawMedianMs: number }> {
  const sim = createSimulator({ botDelayMs: 1 });
  const { url } = await sim.start();
  const ana = new UcwaClient({ server: url, user: 'ana@contoso.com', password: 'demo', endpointId: 'bench-ana' });
  const ben = new UcwaClient({ server: url, user: 'ben@contoso.com', password: 'demo', endpointId: 'bench-ben' });
  await Promise.all([ana.signIn(), ben.signIn()]);
  await Promise.all([ana.makeMeAvailable(), ben.makeMeAvailable()]);
  ben.on((e) => {
    if (e.type === 'incomingInvitation') void ben.acceptInvitation(e.invitationId);
  });
  const conversation = await ana.startConversation({ to: 'ben@contoso.com' });
  const pool = new Pool(url, { connections: 4 });
  const raw = new RawUcwa(pool, url);
  await raw.signIn('ana@contoso.com', 'demo');
  const client: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < count; i++) {
    // Interleaved, alternating which goes first, so drift and warm-up hit both alike.
    const order = i % 2 === 0 ? ['client', 'raw'] : ['raw', 'client'];
    for (const who of order) {
      const start = performance.now();
      if (who === 'client') await ana.sendMessage(conversation, { text: `message ${i}` });
      else await raw.send(`raw message ${i}`);
      (who === 'client' ? client : floor).push(performance.now() - start);
    }
  }
  await pool.close();
  await Promise.all([ana.signOut(), ben.signOut()]);
  await sim.stop();
  const warm = (list: number[]): number[] => list.slice(Math.min(10, Math.floor(list.length / 10)));
  const c = median(warm(client));
  const r = median(warm(floor));
  console.log(`send -> delivered (${count} each, interleaved): client median ${ms(c)}, p95 ${ms(percentile(client, 95))}; raw undici, same requests: median ${ms(r)}, p95 ${ms(percentile(floor, 95))}; client/raw = ${(c / r).toFixed(2)}x`);
  return { sendVsRawFloor: c / r, sendMedianMs: c, rawMedianMs: r };
}
