// Issue #14, the app's halves of Windows and passive sign-in, against Electron's documented API (the
// fake): NTLM allowed only for the trust policy's domains, the token request through the session's
// fetch; the identity provider's page in an isolated, bridge-less window that may not wander off.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions, BrowserWindow as ElectronBrowserWindow } from 'electron';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { TokenFetcher, UcwaError } from '../../../src/main/ucwa/index';
import { passiveTokenFetcher } from '../../../src/main/network/passive-token-fetcher';
import { windowsTokenFetcher } from '../../../src/main/network/windows-token-fetcher';
import { IDENTITY_PARTITION, identityNavigationAllowed, openIdentityWindow } from '../../../src/main/windows/identity-window';
import { BrowserWindow, FakeSession, resetElectronFake, session } from '../../fakes/electron/index';
import { startHostileUcwa } from '../../support/hostile-ucwa';
import type { HostileUcwa } from '../../support/hostile-ucwa';

const POOL = 'https://pool.contoso.com';
let hostile: HostileUcwa | undefined;
const clients: UcwaClient[] = [];
beforeEach(() => resetElectronFake());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.signOut().catch(() => undefined)));
  await hostile?.close();
  hostile = undefined;
});

const token = (host: string): Response => new Response(JSON.stringify({ access_token: `cwt=token-for-${host}`, expires_in: 28_800 }), { status: 200, headers: { 'Content-Type': 'application/json' } });

async function signIn(method: 'windows' | 'passive', fetcher: TokenFetcher): Promise<UcwaError | undefined> {
  hostile = await startHostileUcwa({ user: POOL, applications: POOL, grants: `urn:microsoft.rtc:${method},password` });
  const client = new UcwaClient({ server: 'https://lyncdiscover.contoso.com', user: 'ana@contoso.com', password: '', endpointId: 'corpnet-test', dispatcher: hostile.agent, signInMethod: method, tokenFetcher: fetcher, trustedDomains: ['fabrikam.net'] });
  clients.push(client);
  return client.signIn().then(
    () => undefined,
    (e: unknown) => e as UcwaError,
  );
}

describe('Windows sign-in in the app', () => {
  it('allows NTLM only for the trusted domains, then asks the token service through the session (no redirects)', async () => {
    const ses = new FakeSession();
    const seen: { url: string; init: RequestInit | undefined; domains: string | undefined }[] = [];
    ses.fetchHandler = async (url, init, s) => {
      seen.push({ url, init, domains: s.ntlmDomains });
      return token(new URL(url).hostname);
    };
    expect(await signIn('windows', windowsTokenFetcher(ses))).toBeUndefined();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://pool.contoso.com/oauthtoken');
    expect(seen[0]?.domains).toBe('contoso.com,*.contoso.com,fabrikam.net,*.fabrikam.net');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', credentials: 'include', redirect: 'error', body: 'grant_type=urn%3Amicrosoft.rtc%3Awindows&username=ana%40contoso.com' });
  });
});

describe('passive sign-in in the app', () => {
  function identityWindow(): BrowserWindow {
    const window = BrowserWindow.all.at(-1);
    if (window === undefined) throw new Error('no sign-in window opened');
    return window;
  }

  it('opens the identity page in an isolated window without a bridge, then gets the token with its cookies', async () => {
    const idp = session.fromPartition(IDENTITY_PARTITION);
    let signedIn = false;
    idp.fetchHandler = async (url) => (signedIn ? token(new URL(url).hostname) : new Response(JSON.stringify({ error: 'invalid_grant', ms_rtc_passiveauthuri: 'https://sts.contoso.com/adfs/ls/' }), { status: 400, headers: { 'Content-Type': 'application/json' } }));
    const fetcher = passiveTokenFetcher({
      session: idp,
      openWindow: (url, hosts) => openIdentityWindow({ BrowserWindow: BrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => ElectronBrowserWindow, title: 'Sign in' }, url, hosts),
    });
    const result = signIn('passive', fetcher);
    await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1));
    const window = identityWindow();
    expect(window.loaded).toBe('https://sts.contoso.com/adfs/ls/');
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ partition: IDENTITY_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.preload).toBeUndefined();
    expect(window.webContents.windowOpenHandler?.({ url: 'https://sts.contoso.com/popup' })).toEqual({ action: 'deny' });
    // The provider's own pages and the server may load; anything else may not.
    expect(window.webContents.navigate('https://sts.contoso.com/adfs/ls/mfa')).toBe(false);
    expect(window.webContents.navigate('https://evil.example.net/phish')).toBe(true);
    expect(window.webContents.navigate('http://sts.contoso.com/plain')).toBe(true);
    // A page loads before the user is done: no token yet, the window stays.
    window.webContents.emit('did-finish-load');
    await new Promise((r) => setTimeout(r, 20));
    expect(window.destroyed).toBe(false);
    signedIn = true;
    window.webContents.emit('did-finish-load');
    expect(await result).toBeUndefined();
    expect(window.destroyed).toBe(true);
  });

  it('closing the window cancels the sign-in', async () => {
    const idp = session.fromPartition(IDENTITY_PARTITION);
    idp.fetchHandler = async () => new Response(JSON.stringify({ error: 'invalid_grant', ms_rtc_passiveauthuri: 'https://sts.contoso.com/adfs/ls/' }), { status: 400, headers: { 'Content-Type': 'application/json' } });
    const fetcher = passiveTokenFetcher({ session: idp, openWindow: (url, hosts) => openIdentityWindow({ BrowserWindow: BrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => ElectronBrowserWindow, title: 'Sign in' }, url, hosts) });
    const result = signIn('passive', fetcher);
    await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1));
    identityWindow().close();
    expect((await result)?.code).toBe('cancelled');
  });

  it('navigation rules', () => {
    expect(identityNavigationAllowed('https://login.contoso.com/x', ['sts.contoso.com'])).toBe(true);
    expect(identityNavigationAllowed('https://contoso.com.evil.net/x', ['sts.contoso.com'])).toBe(false);
    expect(identityNavigationAllowed('javascript:alert(1)', ['sts.contoso.com'])).toBe(false);
    expect(identityNavigationAllowed('http://127.0.0.1:8443/PassiveAuth', ['127.0.0.1'])).toBe(true);
  });
});
