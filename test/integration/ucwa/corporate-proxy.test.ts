// Issue #14: signing in through a company proxy (CONNECT for https), to the simulator over https
// with the test CA trusted through the OS store: a fixed proxy, the environment's, one found per
// origin (the app's PAC/system answer), one that wants credentials, and one that refuses the host.
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { UcwaError, buildTlsTrust, createNetworkRoute } from '../../../src/main/ucwa/index';
import type { NetworkRoute, ProxyChoice, UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { osTrustStoreWith, startHttpsSim, testCa } from '../../support/corporate-network';
import { clientFor } from '../../support/simulator';
import { startTestProxy } from '../../support/test-proxy';
import type { TestProxy, TestProxyOptions } from '../../support/test-proxy';

const routes: NetworkRoute[] = [];
const clients: UcwaClient[] = [];
const proxies: TestProxy[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.signOut().catch(() => undefined)));
  await Promise.all(routes.splice(0).map((r) => r.close()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

async function proxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const started = await startTestProxy(options);
  proxies.push(started);
  return started;
}

/** A route trusting the test CA through the OS store, closed after the test. */
function routeFor(choice: ProxyChoice, env: NodeJS.ProcessEnv = {}): NetworkRoute {
  const route = createNetworkRoute(buildTlsTrust({ systemStore: true }, osTrustStoreWith([testCa().cert]), {}), choice, env);
  routes.push(route);
  return route;
}

async function signIn(sim: UcwaSimulator, choice: ProxyChoice, env: NodeJS.ProcessEnv = {}): Promise<UcwaError | undefined> {
  return signInThrough(sim, routeFor(choice, env));
}

async function signInThrough(sim: UcwaSimulator, route: NetworkRoute): Promise<UcwaError | undefined> {
  const client = clientFor(sim, 'ana@contoso.com', { dispatcher: route.source });
  clients.push(client);
  return client.signIn().then(
    () => undefined,
    (error: unknown) => (error instanceof UcwaError ? error : new UcwaError('http', String(error))),
  );
}

const SERVER = (sim: UcwaSimulator): string => new URL(sim.url).host;

describe('through a proxy', () => {
  it('a fixed proxy (--proxy): every request tunnels through it, TLS is verified end to end', async () => {
    const sim = await startHttpsSim();
    const p = await proxy();
    expect(await signIn(sim, { kind: 'fixed', url: p.url })).toBeUndefined();
    expect(p.tunnels).toContain(SERVER(sim));
    expect(sim.appsOf('ana@contoso.com')).toHaveLength(1);
  });

  it('HTTPS_PROXY from the environment, and NO_PROXY exempting the server', async () => {
    const sim = await startHttpsSim();
    const p = await proxy();
    expect(await signIn(sim, { kind: 'environment' }, { HTTPS_PROXY: p.url })).toBeUndefined();
    expect(p.tunnels).toContain(SERVER(sim));
    const other = await proxy();
    expect(await signIn(sim, { kind: 'environment' }, { HTTPS_PROXY: other.url, NO_PROXY: '127.0.0.1' })).toBeUndefined();
    expect(other.attempts).toEqual([]);
  });

  // The doctor and the CLI's NTLM legs ask environmentProxy; undici's EnvHttpProxyAgent carries the
  // rest: for each NO_PROXY, the road undici took and the one the report names must be the same.
  it('NO_PROXY: the road the requests take is the road the report names', async () => {
    const sim = await startHttpsSim();
    const port = new URL(sim.url).port;
    for (const noProxy of ['127.0.0.1', `127.0.0.1:${port}`, '127.0.0.1:1', '*', 'contoso.com,*', '.0.0.1']) {
      const p = await proxy();
      const route = routeFor({ kind: 'environment' }, { HTTPS_PROXY: p.url, NO_PROXY: noProxy });
      expect(await signInThrough(sim, route)).toBeUndefined();
      const named = await route.proxyFor(new URL(sim.url).origin);
      expect({ noProxy, throughProxy: p.tunnels.length > 0 }).toEqual({ noProxy, throughProxy: named !== undefined });
    }
  });

  it('HTTP_PROXY alone carries https too, in either case', async () => {
    const sim = await startHttpsSim();
    const upper = await proxy();
    expect(await signIn(sim, { kind: 'environment' }, { HTTP_PROXY: upper.url })).toBeUndefined();
    expect(upper.tunnels).toContain(SERVER(sim));
    const lower = await proxy();
    expect(await signIn(sim, { kind: 'environment' }, { http_proxy: lower.url })).toBeUndefined();
    expect(lower.tunnels).toContain(SERVER(sim));
  });

  it('per origin, as the OS settings or a PAC file answer it', async () => {
    const sim = await startHttpsSim();
    const p = await proxy();
    const asked: string[] = [];
    const choice: ProxyChoice = { kind: 'per-origin', resolve: async (origin) => (asked.push(origin), { url: p.url }) };
    expect(await signIn(sim, choice)).toBeUndefined();
    expect(asked).toContain(new URL(sim.url).origin);
    expect(p.tunnels).toContain(SERVER(sim));
  });

  it('per origin: closing the route closes the direct agent and every proxy agent, so nothing more is sent; closing it again is no error', async () => {
    const sim = await startHttpsSim();
    const p = await proxy();
    const proxied = new URL('/autodiscover/autodiscoverservice.svc/root', sim.url);
    const direct = new URL(`https://localhost:${proxied.port}/autodiscover/autodiscoverservice.svc/root`);
    const route = routeFor({ kind: 'per-origin', resolve: async (origin) => (origin === proxied.origin ? { url: p.url } : undefined) });
    const get = async (url: URL, dispatcher: Dispatcher): Promise<number> => {
      const response = await request(url, { dispatcher });
      await response.body.dump();
      return response.statusCode;
    };
    const source = route.source as (url: URL) => Promise<Dispatcher>;
    const [viaProxy, viaDirect] = [await source(proxied), await source(direct)];
    expect(await get(proxied, viaProxy)).toBe(200);
    expect(await get(direct, viaDirect)).toBe(200);
    expect(p.tunnels).toEqual([SERVER(sim)]);
    await route.close();
    await expect(get(proxied, viaProxy)).rejects.toThrow(/closed|destroyed/i);
    await expect(get(direct, viaDirect)).rejects.toThrow(/closed|destroyed/i);
    expect(p.attempts).toHaveLength(1);
    await expect(route.close()).resolves.toBeUndefined();
  });

  it('a proxy that wants credentials: without them, a proxy-auth error naming no server problem; with them, signed in', async () => {
    const sim = await startHttpsSim();
    const p = await proxy({ credentials: { user: 'ana', password: 'Pr0xy&pass' } });
    const refused = await signIn(sim, { kind: 'fixed', url: p.url });
    expect(refused?.code).toBe('proxy-auth-required');
    expect(refused?.message).toMatch(/proxy wants a user name and password/);
    expect(sim.requestLog.toArray()).toEqual([]);
    const wrong = await signIn(sim, { kind: 'fixed', url: p.url, credentials: { user: 'ana', password: 'nope' } });
    expect(wrong?.code).toBe('proxy-auth-required');
    expect(await signIn(sim, { kind: 'fixed', url: p.url, credentials: { user: 'ana', password: 'Pr0xy&pass' } })).toBeUndefined();
    expect(p.tunnels).toContain(SERVER(sim));
  });

  it('a proxy that refuses the host: proxy-refused, and the server never sees a request', async () => {
    const sim = await startHttpsSim();
    const p = await proxy({ refuseHosts: ['127.0.0.1'] });
    const error = await signIn(sim, { kind: 'fixed', url: p.url });
    expect(error?.code).toBe('proxy-refused');
    expect(error?.message).toMatch(/proxy refused to connect to 127\.0\.0\.1:\d+ \(403\)/);
    expect(sim.requestLog.toArray()).toEqual([]);
  });
});
