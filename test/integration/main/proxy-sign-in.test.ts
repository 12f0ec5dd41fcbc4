// Issue #14, the proxy's credentials asked for in the app: a 407 at sign-in names the proxy (the
// one the OS/PAC answer routes the server through), setProxyCredentials keeps what the user typed —
// encrypted in the vault, never in a log line — and the sign-in that follows tunnels through the
// real proxy with them. Stored ones are used without asking; wrong ones are forgotten and asked
// for again. Main parses the input with the contract's schema: garbage changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runParsed } from '../../../src/main/ipc/register-invoke-handlers';
import { createAppNetwork } from '../../../src/main/network/app-network';
import type { AppNetwork } from '../../../src/main/network/app-network';
import { ProxyCredentialStore } from '../../../src/main/network/proxy-credentials';
import { ProxySignIn } from '../../../src/main/network/proxy-sign-in';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { SafeStorageVault } from '../../../src/main/settings/password-vault';
import { SecretRedactor, UcwaClient, createLogger } from '../../../src/main/ucwa/index';
import type { LogSink } from '../../../src/main/ucwa/index';
import type { InvokeHandlers, MethodName, Result } from '../../../src/shared/ipc-contract';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { FakeSession, safeStorage } from '../../fakes/electron/index';
import { osTrustStoreWith, startHttpsSim, testCa } from '../../support/corporate-network';
import { startTestProxy } from '../../support/test-proxy';
import type { TestProxy } from '../../support/test-proxy';

const PROXY_USER = 'CONTOSO\\ana';
const PROXY_PASSWORD = 'Pr0xy pass!';

interface App {
  readonly call: (method: MethodName, input: unknown) => Promise<Result<unknown>>;
  readonly service: SessionService;
  readonly network: AppNetwork;
}

const disk = new Map<string, unknown>();
const logs: string[] = [];
const opened: { apps: App[]; proxies: TestProxy[] } = { apps: [], proxies: [] };
let sim: UcwaSimulator;
let proxy: TestProxy;

beforeEach(async () => {
  disk.clear();
  logs.length = 0;
  safeStorage.available = true;
  sim = await startHttpsSim();
  proxy = await startTestProxy({ credentials: { user: PROXY_USER, password: PROXY_PASSWORD } });
  opened.proxies.push(proxy);
});
afterEach(async () => {
  for (const app of opened.apps.splice(0)) {
    await app.service.signOut().catch(() => undefined);
    await app.network.close();
  }
  await Promise.all(opened.proxies.splice(0).map((p) => p.close()));
});

/** The app as index.ts composes it (a run of it: a second call is a restart with the same disk). */
function startApp(): App {
  const sink: LogSink = (level, scope, message, fields) => void logs.push(`${level} ${scope} ${message} ${JSON.stringify(fields ?? {})}`);
  const store = { get: (k: string) => disk.get(k), set: (k: string, v: unknown) => void disk.set(k, v), delete: (k: string) => void disk.delete(k) };
  const credentials = new ProxyCredentialStore(new SafeStorageVault(safeStorage, store, 'win32'));
  const session = new FakeSession();
  session.proxyAnswer = () => `PROXY ${new URL(proxy.url).host}; DIRECT`;
  const network = createAppNetwork({ session, caFiles: [], credentials: (p) => credentials.get(p), logger: createLogger('network', sink, new SecretRedactor()), certificates: osTrustStoreWith([testCa().cert]) });
  const service = new SessionService({
    createClient: (o) => new UcwaClient({ ...o, dispatcher: network.source, endpointId: 'proxy-sign-in', logSink: sink }),
    settings: new InMemorySettings(),
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: () => Promise.reject(new Error('no demo')) },
    push: () => undefined,
  });
  const proxySignIn = new ProxySignIn({ proxyFor: (origin) => network.proxyFor(origin), credentials });
  const sessionHandlers = service.handlers();
  // The session's methods plus the two this test is about; the doctor and clipboard are not called here.
  const handlers = {
    ...sessionHandlers,
    signIn: (input, context) => proxySignIn.run(() => sessionHandlers.signIn(input, context)),
    setProxyCredentials: async (input) => proxySignIn.save(input),
  } satisfies Partial<InvokeHandlers> as unknown as InvokeHandlers;
  const log = createLogger('main', sink, new SecretRedactor());
  const app: App = { call: (method, input) => runParsed(method, handlers, log, [input], 1), service, network };
  opened.apps.push(app);
  return app;
}

const signInInput = (): Record<string, unknown> => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false });
const proxyHost = (): string => new URL(proxy.url).host;
/** What the vault holds on disk (its keys are encoded account names). */
const vaultEntries = (): unknown[] => [...disk.entries()].filter(([k]) => k.startsWith('vault.')).map(([, v]) => v);
const secretsIn = (text: string): boolean => text.includes(PROXY_PASSWORD) || text.includes(Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64'));

describe('proxy credentials asked for at sign-in', () => {
  it('a 407 names the proxy; the credentials typed are stored encrypted and the sign-in then tunnels through the proxy', async () => {
    const app = startApp();
    const first = await app.call('signIn', signInInput());
    expect(first).toEqual({ ok: false, error: { code: 'proxy-auth-required', message: `The proxy ${proxyHost()} wants a user name and password.`, host: proxyHost() } });
    expect(sim.requestLog.toArray()).toEqual([]);

    expect(await app.call('setProxyCredentials', { proxy: proxyHost(), user: PROXY_USER, password: PROXY_PASSWORD, remember: true })).toEqual({ ok: true, value: { remembered: true } });
    expect(vaultEntries()).toHaveLength(1);
    expect(secretsIn(JSON.stringify([...disk.entries()]))).toBe(false);

    const second = await app.call('signIn', signInInput());
    expect(second.ok).toBe(true);
    expect(proxy.tunnels).toContain(new URL(sim.url).host);
    expect(sim.appsOf('ana@contoso.com')).toHaveLength(1);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.filter(secretsIn)).toEqual([]);
  });

  it('remembered credentials are used after a restart without asking', async () => {
    const before = startApp();
    await before.call('signIn', signInInput());
    await before.call('setProxyCredentials', { proxy: proxyHost(), user: PROXY_USER, password: PROXY_PASSWORD, remember: true });
    const restarted = startApp();
    expect((await restarted.call('signIn', signInInput())).ok).toBe(true);
  });

  it('not remembered: used for this run only, nothing on disk', async () => {
    const app = startApp();
    await app.call('signIn', signInInput());
    expect(await app.call('setProxyCredentials', { proxy: proxyHost(), user: PROXY_USER, password: PROXY_PASSWORD, remember: false })).toEqual({ ok: true, value: { remembered: false } });
    expect(vaultEntries()).toEqual([]);
    expect((await app.call('signIn', signInInput())).ok).toBe(true);
    await app.service.signOut();
    expect((await startApp().call('signIn', signInInput())).ok).toBe(false);
  });

  it('wrong credentials: forgotten, and the user is asked again, told the proxy turned them down', async () => {
    const app = startApp();
    await app.call('signIn', signInInput());
    await app.call('setProxyCredentials', { proxy: proxyHost(), user: PROXY_USER, password: 'wrong', remember: true });
    const again = await app.call('signIn', signInInput());
    expect(again).toMatchObject({ ok: false, error: { code: 'proxy-auth-rejected', host: proxyHost() } });
    expect(vaultEntries()).toEqual([]);
    // Asked again: the next try without new credentials is a plain question, not a second "wrong".
    expect(await app.call('signIn', signInInput())).toMatchObject({ ok: false, error: { code: 'proxy-auth-required' } });
    await app.call('setProxyCredentials', { proxy: proxyHost(), user: PROXY_USER, password: PROXY_PASSWORD, remember: true });
    expect((await app.call('signIn', signInInput())).ok).toBe(true);
  });

  it('garbage, and a proxy that never asked, are refused with invalid-input and store nothing', async () => {
    const app = startApp();
    await app.call('signIn', signInInput());
    const valid = { proxy: proxyHost(), user: PROXY_USER, password: PROXY_PASSWORD, remember: true };
    const garbage: unknown[] = [
      undefined,
      'proxy',
      { ...valid, proxy: '' },
      { ...valid, proxy: 'proxy host:8080' },
      { ...valid, proxy: 'http://proxy:8080/path' },
      { ...valid, proxy: 'evil\n.example' },
      { ...valid, user: '' },
      { ...valid, user: 'ana\r\nX-Injected: 1' },
      { ...valid, password: '' },
      { ...valid, password: 'x'.repeat(1025) },
      { ...valid, remember: 'yes' },
      { ...valid, extra: true },
      { proxy: proxyHost(), user: PROXY_USER, remember: true },
      // Well formed, but this proxy did not answer 407: a page cannot plant credentials for it.
      { ...valid, proxy: 'proxy.evil.example:3128' },
    ];
    for (const input of garbage) {
      const result = await app.call('setProxyCredentials', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(vaultEntries()).toEqual([]);
    expect((await app.call('signIn', signInInput())).ok).toBe(false);
  });
});
