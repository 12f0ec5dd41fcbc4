// The password and tokens go only where they belong (issue: a server that names other hosts got the
// user's password posted to whatever host it named). Each link kind a server controls points at
// another host in turn; that host must never see the password or a token.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaError } from '../../../src/main/ucwa/index';
import type { HostileUcwa, LinkTargets } from '../../support/hostile-ucwa';
import { startHostileUcwa } from '../../support/hostile-ucwa';
import { recordEvents } from '../../support/client-events';

const POOL = 'https://pool.contoso.com';
const EVIL = 'https://evil.example.net';
const SAFE: LinkTargets = { user: POOL, applications: POOL };

let server: HostileUcwa | undefined;
const clients: UcwaClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.signOut().catch(() => undefined)));
  await server?.close();
  server = undefined;
});

async function signIn(links: LinkTargets, extra: { trustedDomains?: string[] } = {}): Promise<{ client: UcwaClient; error: UcwaError | undefined; hostile: HostileUcwa }> {
  const hostile = await startHostileUcwa(links);
  server = hostile;
  const client = new UcwaClient({ server: 'https://lyncdiscover.contoso.com', user: 'ana@contoso.com', password: 'S3cret&pass', endpointId: 'trust-test', dispatcher: hostile.agent, backoffBaseMs: 20, backoffMaxMs: 50, ...extra });
  clients.push(client);
  const error = await client.signIn().then(
    () => undefined,
    (e: unknown) => e as UcwaError,
  );
  return { client, error, hostile };
}

function leakedTo(hostile: HostileUcwa, host: string): string[] {
  return hostile.requests.filter((r) => r.host === host && (r.body.includes('password') || r.authorization !== undefined)).map((r) => `${r.method} ${r.path}`);
}

describe('credentials go only to trusted hosts', () => {
  it.each<[string, LinkTargets]>([
    ['the MsRtcOAuth href of a 401 challenge', { ...SAFE, tokenIssuer: EVIL }],
    ['the autodiscover user link', { ...SAFE, user: EVIL }],
    ['the applications link', { ...SAFE, applications: EVIL }],
    ["the application's Location", { ...SAFE, applicationLocation: EVIL }],
    ['an HTTP redirect during discovery', { ...SAFE, rootRedirect: EVIL }],
    ['a redirect link during discovery', { ...SAFE, redirectLink: EVIL }],
  ])('%s pointing at another host stops sign-in naming the host; that host sees nothing', async (_name, links) => {
    const { error, hostile } = await signIn(links);
    expect(error?.code).toBe('untrusted-server');
    expect(error?.host).toBe('evil.example.net');
    expect(error?.message).toContain('evil.example.net');
    expect(leakedTo(hostile, 'evil.example.net')).toEqual([]);
  });

  it('an event next link to another host is not followed once the application exists', async () => {
    const { client, error, hostile } = await signIn({ ...SAFE, eventsNext: EVIL });
    expect(error).toBeUndefined();
    const lost = await client.waitFor('applicationLost', () => true, 5_000);
    expect(lost.reason).toContain('evil.example.net');
    expect(hostile.requests.filter((r) => r.host === 'evil.example.net')).toEqual([]);
  });

  // Relative hrefs resolve against the host that served the application (protocol §1.5), so that is
  // the host the session stays on, whatever its self link says.
  it('an application whose self link names another host: the session stays on the host that served it', async () => {
    const { client, error, hostile } = await signIn({ ...SAFE, applicationSelf: 'https://pool2.contoso.com' });
    expect(error).toBeUndefined();
    await vi.waitFor(() => expect(hostile.requests.filter((r) => r.path.startsWith('/events')).map((r) => r.host)).toContain('pool.contoso.com'), { timeout: 5_000 });
    const told = recordEvents(client);
    await client.reconnectNow();
    expect(told.filter((e) => e.type === 'connectionChanged').map((e) => e.type === 'connectionChanged' && e.detail?.reason)).toEqual(['notSessionServer']);
    await client.signOut();
    expect(hostile.requests.filter((r) => r.host === 'pool2.contoso.com')).toEqual([]);
  });

  it('a remote https server cannot send discovery to a plain-http loopback port', async () => {
    const hostile = await startHostileUcwa(SAFE);
    server = hostile;
    hostile.links = { ...SAFE, rootRedirect: hostile.plainOrigin };
    const client = new UcwaClient({ server: 'https://lyncdiscover.contoso.com', user: 'ana@contoso.com', password: 'S3cret&pass', endpointId: 'trust-test', dispatcher: hostile.agent });
    clients.push(client);
    await expect(client.signIn()).rejects.toMatchObject({ code: 'untrusted-server', host: '127.0.0.1' });
    expect(hostile.requests.filter((r) => r.host === '127.0.0.1')).toEqual([]);
  });

  it('a pool hop inside the domain is followed, with a fresh token per host', async () => {
    const { error, hostile } = await signIn({ ...SAFE, applications: 'https://pool2.contoso.com' });
    expect(error).toBeUndefined();
    const tokenRequests = hostile.requests.filter((r) => r.path === '/oauthtoken').map((r) => r.host);
    expect(tokenRequests).toEqual(['pool.contoso.com', 'pool2.contoso.com']);
    // Each host only ever saw its own token.
    for (const r of hostile.requests) if (r.authorization !== undefined) expect(r.authorization).toBe(`Bearer cwt=token-for-${r.host}`);
  });

  it('a domain the user or administrator approved is trusted', async () => {
    const { error, hostile } = await signIn({ ...SAFE, applications: EVIL }, { trustedDomains: ['example.net'] });
    expect(error).toBeUndefined();
    expect(hostile.requests.some((r) => r.host === 'evil.example.net' && r.path === '/oauthtoken')).toBe(true);
  });
});

// Issue #14: Windows credentials (NTLM) and sign-in cookies (passive) follow the same rule as the
// password: the token fetcher that carries them is only ever asked for a trusted issuer.
describe.each([
  ['windows', 'urn:microsoft.rtc:windows'],
  ['passive', 'urn:microsoft.rtc:passive'],
] as const)('the %s grant goes only to trusted hosts', (method, grant) => {
  async function signInWith(links: LinkTargets): Promise<{ error: UcwaError | undefined; asked: string[] }> {
    const hostile = await startHostileUcwa({ ...links, grants: `${grant},password` });
    server = hostile;
    const asked: string[] = [];
    const client = new UcwaClient({
      server: 'https://lyncdiscover.contoso.com',
      user: 'ana@contoso.com',
      password: '',
      endpointId: 'trust-test',
      dispatcher: hostile.agent,
      signInMethod: method,
      tokenFetcher: async (request) => {
        asked.push(request.issuer.host);
        expect(request.grantType).toBe(grant);
        return { status: 200, contentType: 'application/json', text: JSON.stringify({ access_token: `cwt=token-for-${request.issuer.hostname}`, expires_in: 28_800 }) };
      },
    });
    clients.push(client);
    const error = await client.signIn().then(
      () => undefined,
      (e: unknown) => e as UcwaError,
    );
    return { error, asked };
  }

  it('an issuer on another host: untrusted-server, and the fetcher is never asked', async () => {
    const { error, asked } = await signInWith({ ...SAFE, tokenIssuer: EVIL });
    expect(error?.code).toBe('untrusted-server');
    expect(error?.message).toContain(method === 'windows' ? 'your Windows sign-in' : 'your sign-in cookies');
    expect(asked).toEqual([]);
  });

  it('the pool’s own issuer: signed in through the fetcher', async () => {
    const { error, asked } = await signInWith(SAFE);
    expect(error).toBeUndefined();
    expect(asked).toEqual(['pool.contoso.com']);
  });
});
