// The app's network (issue #14) with Electron's session faked at its documented API: the proxy
// comes from session.resolveProxy per origin (system settings, PAC), its credentials from the
// vault, and the company CA from the OS store — through a real proxy to the simulator over https.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/index';
import type { UcwaClient } from '../../../src/main/ucwa/index';
import { createAppNetwork, caFilesSetting } from '../../../src/main/network/app-network';
import type { AppNetwork } from '../../../src/main/network/app-network';
import { ProxyCredentialStore } from '../../../src/main/network/proxy-credentials';
import { SafeStorageVault } from '../../../src/main/settings/password-vault';
import { createLogger, SecretRedactor } from '../../../src/main/ucwa/index';
import { FakeSession, safeStorage } from '../../fakes/electron/index';
import { caFile, NODE_WITHOUT_SYSTEM_STORE, osTrustStoreWith, startHttpsSim, testCa } from '../../support/corporate-network';
import { clientFor } from '../../support/simulator';
import { startTestProxy } from '../../support/test-proxy';
import type { TestProxy } from '../../support/test-proxy';

const warnings: string[] = [];
const logger = createLogger('network', (level, _scope, message, fields) => level === 'warn' && warnings.push(`${message} ${JSON.stringify(fields ?? {})}`), new SecretRedactor());
const opened: { networks: AppNetwork[]; clients: UcwaClient[]; proxies: TestProxy[] } = { networks: [], clients: [], proxies: [] };
afterEach(async () => {
  await Promise.all(opened.clients.splice(0).map((c) => c.signOut().catch(() => undefined)));
  await Promise.all(opened.networks.splice(0).map((n) => n.close()));
  await Promise.all(opened.proxies.splice(0).map((p) => p.close()));
  warnings.length = 0;
});

function memoryVault(): ProxyCredentialStore {
  const map = new Map<string, unknown>();
  safeStorage.available = true;
  return new ProxyCredentialStore(new SafeStorageVault(safeStorage, { get: (k) => map.get(k), set: (k, v) => void map.set(k, v), delete: (k) => void map.delete(k) }, 'win32'));
}

async function signIn(network: AppNetwork, sim: Awaited<ReturnType<typeof startHttpsSim>>): Promise<UcwaError | undefined> {
  const client = clientFor(sim, 'ana@contoso.com', { dispatcher: network.source });
  opened.clients.push(client);
  return client.signIn().then(
    () => undefined,
    (e: unknown) => (e instanceof UcwaError ? e : new UcwaError('http', String(e))),
  );
}

describe('the app network', () => {
  it('asks the session for each origin’s proxy (once a minute at most) and tunnels through it', async () => {
    const sim = await startHttpsSim();
    const proxy = await startTestProxy();
    opened.proxies.push(proxy);
    const session = new FakeSession();
    const asked = vi.fn((_url: string) => `PROXY ${new URL(proxy.url).host}; DIRECT`);
    session.proxyAnswer = asked;
    const network = createAppNetwork({ session, caFiles: [], credentials: () => undefined, logger, certificates: osTrustStoreWith([testCa().cert]) });
    opened.networks.push(network);
    expect(network.trust.systemStore).toBe('used');
    expect(await signIn(network, sim)).toBeUndefined();
    expect(proxy.tunnels).toContain(new URL(sim.url).host);
    expect(asked).toHaveBeenCalledWith(new URL(sim.url).origin);
    // Many requests, one question per origin (the cache).
    expect(asked.mock.calls.length).toBe(1);
    expect(await network.proxyFor(new URL(sim.url).origin)).toBe(proxy.url);
  });

  it('DIRECT goes straight to the server', async () => {
    const sim = await startHttpsSim();
    const network = createAppNetwork({ session: new FakeSession(), caFiles: [], credentials: () => undefined, logger, certificates: osTrustStoreWith([testCa().cert]) });
    opened.networks.push(network);
    expect(await signIn(network, sim)).toBeUndefined();
    expect(await network.proxyFor(new URL(sim.url).origin)).toBeUndefined();
  });

  it('a proxy that wants credentials: refused until they are in the vault, then signed in with them', async () => {
    const sim = await startHttpsSim();
    const proxy = await startTestProxy({ credentials: { user: 'CONTOSO\\ana', password: 'Pr0xy pass' } });
    opened.proxies.push(proxy);
    const session = new FakeSession();
    session.proxyAnswer = () => `PROXY ${new URL(proxy.url).host}`;
    const vault = memoryVault();
    const network = createAppNetwork({ session, caFiles: [], credentials: (p) => vault.get(p), logger, certificates: osTrustStoreWith([testCa().cert]) });
    opened.networks.push(network);
    const refused = await signIn(network, sim);
    expect(refused?.code).toBe('proxy-auth-required');
    expect(vault.set(proxy.url, { user: 'CONTOSO\\ana', password: 'Pr0xy pass' })).toBe(true);
    expect(await signIn(network, sim)).toBeUndefined();
    expect(proxy.tunnels).toContain(new URL(sim.url).host);
  });

  it('CA files from the settings where the OS store cannot be read; a missing one is logged, not fatal', async () => {
    const sim = await startHttpsSim();
    const network = createAppNetwork({ session: new FakeSession(), caFiles: [caFile()], credentials: () => undefined, logger, certificates: NODE_WITHOUT_SYSTEM_STORE });
    opened.networks.push(network);
    expect(network.trust.systemStore).toBe('unavailable');
    expect(await signIn(network, sim)).toBeUndefined();
    const broken = createAppNetwork({ session: new FakeSession(), caFiles: ['/gone/ca.pem'], credentials: () => undefined, logger, certificates: NODE_WITHOUT_SYSTEM_STORE });
    opened.networks.push(broken);
    expect(warnings.join('\n')).toContain('/gone/ca.pem cannot be read (ENOENT)');
    expect((await signIn(broken, sim))?.certificateProblem).toBe('untrusted-issuer');
  });

  it('the CA files setting must be a list of paths', () => {
    expect(caFilesSetting(undefined, logger)).toEqual([]);
    expect(caFilesSetting(['/etc/ca.pem'], logger)).toEqual(['/etc/ca.pem']);
    expect(caFilesSetting('/etc/ca.pem', logger)).toEqual([]);
    expect(warnings.join('\n')).toContain('network.caFiles');
  });
});

describe('proxy credentials', () => {
  it('are kept encrypted in the vault and survive a restart; garbage in the vault is forgotten', () => {
    const map = new Map<string, unknown>();
    const store = { get: (k: string) => map.get(k), set: (k: string, v: unknown) => void map.set(k, v), delete: (k: string) => void map.delete(k) };
    safeStorage.available = true;
    const first = new ProxyCredentialStore(new SafeStorageVault(safeStorage, store, 'win32'));
    expect(first.set('http://proxy:8080', { user: 'ana', password: 'Pr0xy!' })).toBe(true);
    expect(JSON.stringify([...map.values()])).not.toContain('Pr0xy!');
    expect(new ProxyCredentialStore(new SafeStorageVault(safeStorage, store, 'win32')).get('http://proxy:8080')).toEqual({ user: 'ana', password: 'Pr0xy!' });
    new SafeStorageVault(safeStorage, store, 'win32').save('proxy:http://other:1', 'not json');
    expect(new ProxyCredentialStore(new SafeStorageVault(safeStorage, store, 'win32')).get('http://other:1')).toBeUndefined();
  });
});
