// Presence subscriptions kept alive (protocol §7.3), on a scripted server and fake timers: which
// addresses are subscribed, which subscription a warning extends, a resync, a 404 (re-create) versus
// any other failure (retry on schedule), a 201 that says where only in its body, sign-out racing an
// extension, and, through the real HTTP stack, the headers the server sees.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLevel } from '../../../src/main/ucwa/logger';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import type { SubscriberOptions } from '../../../src/main/ucwa/presence-subscriber';
import { PresenceSubscriber } from '../../../src/main/ucwa/presence-subscriber';
import { Resource } from '../../../src/main/ucwa/resource';
import { APP, ORIGIN, ScriptedHttp, abs } from './support/scripted-http';
import type { PostReply } from './support/scripted-http';
import { APP as POOL_APP, startLocalPool } from './support/local-pool';
import type { LocalPool } from './support/local-pool';

const SUBS = `${APP}/people/presenceSubscriptions`;
const EVERY = 20 * 60_000;

interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: Record<string, unknown> | undefined;
}

/**
 * A subscriber on a scripted server: a POST to the subscriptions link creates s1, s2, … (201 with a
 * Location); `reply` can answer any POST otherwise (an extension is 200 unless it says so).
 */
function harness(options: { chunkSize?: number; offersSubscriptions?: boolean; reply?: (url: URL) => PostReply | undefined } = {}) {
  const http = new ScriptedHttp();
  let made = 0;
  http.onPost = (url) => options.reply?.(url) ?? (url.pathname === SUBS ? { location: `${SUBS}/s${++made}` } : { status: 200 });
  const logs: LogLine[] = [];
  const logger = createLogger('presence', (level, _scope, message, fields) => logs.push({ level, message, fields }), new SecretRedactor());
  const links = { self: { href: `${APP}/people` }, ...(options.offersSubscriptions === false ? {} : { presenceSubscriptions: { href: SUBS } }) };
  const people = Resource.parse({ _links: links, rel: 'people' }, abs(APP), 'people');
  const settings: SubscriberOptions = { durationMinutes: 30, extendEveryMs: EVERY, chunkSize: options.chunkSize ?? 1 };
  const subscriber = new PresenceSubscriber(http.asHttp(), () => people, settings, logger);
  /** Every POST so far as path and query. */
  const posted = (): string[] => http.posts.map((p) => new URL(p.url).pathname + new URL(p.url).search);
  const uris = (): string[][] => http.posts.filter((p) => new URL(p.url).pathname === SUBS).map((p) => (JSON.parse(p.body ?? '{}') as { uris: string[] }).uris);
  return { http, subscriber, logs, posted, uris };
}

/** Lets the promise chains started by a timer or a released answer run to their end (no time passes). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('which addresses are subscribed', () => {
  it('does not subscribe an address again when it comes back in another case; new ones go in chunks', async () => {
    const h = harness({ chunkSize: 2 });
    await h.subscriber.subscribe(['sip:Ben@contoso.com']);
    await h.subscriber.subscribe(['sip:ben@contoso.com', ' sip:carl@contoso.com ', 'sip:dana@contoso.com', 'sip:eve@contoso.com', '']);
    expect(h.uris()).toEqual([['sip:Ben@contoso.com'], ['sip:carl@contoso.com', 'sip:dana@contoso.com'], ['sip:eve@contoso.com']]);
    expect(h.subscriber.subscribedUris()).toEqual(['sip:Ben@contoso.com', 'sip:carl@contoso.com', 'sip:dana@contoso.com', 'sip:eve@contoso.com']);
  });

  it('says so when the server offers no presence subscriptions', async () => {
    const h = harness({ offersSubscriptions: false });
    await expect(h.subscriber.subscribe(['sip:ben@contoso.com'])).rejects.toThrow(/^The server offers no presence subscriptions\.$/);
  });

  it('takes the address of a new subscription from the body when the 201 has no Location, and refuses one that says neither', async () => {
    const self = { id: 'x7', _links: { self: { href: `${SUBS}/from-body` } }, rel: 'presenceSubscription' };
    const h = harness({ reply: (url) => (url.pathname === SUBS ? { text: JSON.stringify(self) } : undefined) });
    await h.subscriber.subscribe(['sip:ben@contoso.com']);
    await h.subscriber.refreshAll();
    expect(h.posted().at(-1)).toBe(`${SUBS}/from-body?duration=30`);

    for (const text of ['', 'Created', JSON.stringify({ id: 'x8', rel: 'presenceSubscription' })]) {
      const silent = harness({ reply: (url) => (url.pathname === SUBS ? { text } : undefined) });
      await expect(silent.subscriber.subscribe(['sip:ben@contoso.com'])).rejects.toThrow(/^The server created a subscription but did not say where\.$/);
    }
  });
});

describe('keeping subscriptions alive', () => {
  it("extends the subscription the server's warning names, and no other (§7.3)", async () => {
    const h = harness();
    await h.subscriber.subscribe(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
    const before = h.posted().length;
    await h.subscriber.onExpiryWarning(new URL(`${ORIGIN}${SUBS}/s2`));
    await h.subscriber.onExpiryWarning(new URL(`${ORIGIN}${SUBS}/s9`));
    expect(h.posted().slice(before)).toEqual([`${SUBS}/s2?duration=30`]);
    expect(h.subscriber.extensions).toBe(1);
  });

  it('extends every subscription at once after a resync', async () => {
    const h = harness();
    await h.subscriber.subscribe(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
    const before = h.posted().length;
    await h.subscriber.refreshAll();
    expect(h.posted().slice(before).sort()).toEqual([`${SUBS}/s1?duration=30`, `${SUBS}/s2?duration=30`]);
    expect(h.subscriber.extensions).toBe(2);
  });

  it('re-creates a subscription the server forgot (404) with the same addresses, and extends the new one from then on', async () => {
    const h = harness({ reply: (url) => (url.pathname === `${SUBS}/s1` ? { status: 404 } : undefined) });
    await h.subscriber.subscribe(['sip:ben@contoso.com']);
    await h.subscriber.onExpiryWarning(new URL(`${ORIGIN}${SUBS}/s1`));
    expect(h.uris()).toEqual([['sip:ben@contoso.com'], ['sip:ben@contoso.com']]);
    expect(h.subscriber.recreations).toBe(1);
    await h.subscriber.refreshAll();
    expect(h.posted().at(-1)).toBe(`${SUBS}/s2?duration=30`);
  });

  it('retries an extension that failed otherwise (500) on the next round instead of re-creating it, and logs why', async () => {
    vi.useFakeTimers();
    let failures = 1;
    const h = harness({ reply: (url) => (url.pathname === `${SUBS}/s1` && failures-- > 0 ? { status: 500 } : undefined) });
    await h.subscriber.subscribe(['sip:ben@contoso.com']);
    await vi.advanceTimersByTimeAsync(EVERY);
    await settle();
    expect(h.posted()).toEqual([SUBS, `${SUBS}/s1?duration=30`]);
    expect(h.logs.filter((l) => l.level === 'warn')).toEqual([{ level: 'warn', message: 'could not extend a presence subscription', fields: { reason: `500 from ${SUBS}/s1` } }]);
    await vi.advanceTimersByTimeAsync(EVERY);
    await settle();
    expect(h.posted()).toEqual([SUBS, `${SUBS}/s1?duration=30`, `${SUBS}/s1?duration=30`]);
    expect([h.subscriber.extensions, h.subscriber.recreations]).toEqual([1, 0]);
  });

  it('keeps extending on schedule when re-creating a forgotten subscription fails, and logs why', async () => {
    vi.useFakeTimers();
    let creates = 0;
    const h = harness({
      reply: (url) => {
        if (url.pathname === `${SUBS}/s1`) return { status: 404 };
        if (url.pathname === SUBS && creates++ > 0) return { status: 403 };
        return undefined;
      },
    });
    await h.subscriber.subscribe(['sip:ben@contoso.com']);
    await h.subscriber.onExpiryWarning(new URL(`${ORIGIN}${SUBS}/s1`));
    expect(h.logs.filter((l) => l.level === 'warn')).toEqual([{ level: 'warn', message: 'could not re-create a presence subscription', fields: { reason: `403 from ${SUBS}` } }]);
    expect(h.subscriber.recreations).toBe(0);
    await vi.advanceTimersByTimeAsync(EVERY);
    await settle();
    expect(h.posted()).toEqual([SUBS, `${SUBS}/s1?duration=30`, SUBS, `${SUBS}/s1?duration=30`, SUBS]);
  });
});

describe('signing out', () => {
  it('deletes every subscription and leaves no extension timer behind', async () => {
    vi.useFakeTimers();
    const h = harness();
    await h.subscriber.subscribe(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
    expect(vi.getTimerCount()).toBe(2);
    await h.subscriber.unsubscribeAll();
    expect(h.http.requests.filter((r) => r.startsWith('DELETE')).sort()).toEqual([`DELETE ${SUBS}/s1`, `DELETE ${SUBS}/s2`]);
    expect(vi.getTimerCount()).toBe(0);
    expect(h.subscriber.subscribedUris()).toEqual([]);
  });

  for (const [answer, status] of [
    ['succeeds', 200],
    ['is a 404', 404],
  ] as const) {
    it(`sends nothing more for a subscription after its DELETE, even when an extension on its way ${answer}`, async () => {
      vi.useFakeTimers();
      const held = gate();
      const h = harness({ reply: (url) => (url.pathname === `${SUBS}/s1` ? { status, before: () => held.wait } : undefined) });
      await h.subscriber.subscribe(['sip:ben@contoso.com']);
      await vi.advanceTimersByTimeAsync(EVERY);
      expect(h.posted()).toEqual([SUBS, `${SUBS}/s1?duration=30`]);
      await h.subscriber.unsubscribeAll();
      held.open();
      await settle();
      await vi.advanceTimersByTimeAsync(3 * EVERY);
      await settle();
      const afterDelete = h.http.requests.slice(h.http.requests.indexOf(`DELETE ${SUBS}/s1`) + 1);
      expect(afterDelete).toEqual([]);
      expect(h.subscriber.recreations).toBe(0);
    });
  }
});

describe('on the wire', () => {
  let pool: LocalPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('asks for JSON on every request (§0) and extends with an empty POST carrying the duration (§7.3)', async () => {
    pool = await startLocalPool();
    const subs = `${POOL_APP}/people/presenceSubscriptions`;
    pool.answers.set(`POST ${subs}`, { status: 201, headers: { Location: `${subs}/s1` } });
    pool.answers.set(`POST ${subs}/s1`, { status: 200 });
    pool.answers.set(`DELETE ${subs}/s1`, { status: 204 });
    const people = Resource.parse({ _links: { self: { href: `${POOL_APP}/people` }, presenceSubscriptions: { href: subs } }, rel: 'people' }, pool.url(POOL_APP), 'people');
    const subscriber = new PresenceSubscriber(pool.http, () => people, { durationMinutes: 30, extendEveryMs: EVERY, chunkSize: 100 }, createLogger('presence', () => undefined, new SecretRedactor()));
    await subscriber.subscribe(['sip:ben@contoso.com']);
    await subscriber.onExpiryWarning(pool.url(`${subs}/s1`));
    await subscriber.unsubscribeAll();
    expect(pool.requests.map((r) => [r.method, r.path, r.headers.accept])).toEqual([
      ['POST', subs, 'application/json'],
      ['POST', `${subs}/s1?duration=30`, 'application/json'],
      ['DELETE', `${subs}/s1`, 'application/json'],
    ]);
    expect(pool.requests[1]?.headers['content-length']).toBe('0');
  });
});
