// Autodiscovery (protocol §1) on a scripted network: the unauthenticated pass to the `user` link
// through HTTP and `redirect` hops, the authenticated pass to `applications`, the hop limit, the
// §1.3 check on every hop, and which failure of which candidate the user hears about.
import { describe, expect, it } from 'vitest';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { Discovery, MAX_DISCOVERY_HOPS, discoveryCandidates, userDomain } from '../../../src/main/ucwa/discovery';
import { UcwaError } from '../../../src/main/ucwa/errors';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import { Resource } from '../../../src/main/ucwa/resource';
import { CredentialTrust } from '../../../src/main/ucwa/trust-policy';
import { errorDetail } from '../../../src/shared/error-detail';
import { ucwaFailure } from './support/ucwa-failure';

type Answer = Omit<HttpResponse, 'url'> | UcwaError;
const json = (body: unknown): Answer => ({ status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) });
const redirect = (location?: string, status = 301): Answer => ({ status, headers: location === undefined ? {} : { location }, text: '' });
const root = (links: Record<string, string>): Answer => json({ _links: Object.fromEntries(Object.entries(links).map(([rel, href]) => [rel, { href }])) });

const INTERNAL = 'https://lyncdiscoverinternal.contoso.com/';
const EXTERNAL = 'https://lyncdiscover.contoso.com/';
const USER = 'https://pool.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user';
const APPLICATIONS = 'https://pool.contoso.com/ucwa/oauth/v1/applications';

interface Scripted {
  readonly discovery: Discovery;
  readonly gets: string[];
  readonly authenticated: string[];
  readonly logs: { message: string; fields?: Record<string, unknown> }[];
}

/** `plain`: unauthenticated GETs by href; `users`: the authenticated user resources by href. */
function scripted(plain: Record<string, Answer>, users: Record<string, Answer> = {}, user = 'ana@contoso.com'): Scripted {
  const gets: string[] = [];
  const authenticated: string[] = [];
  const logs: Scripted['logs'] = [];
  const transport = {
    send: async (req: HttpRequest): Promise<HttpResponse> => {
      gets.push(req.url.href);
      expect(req.headers).toEqual({ Accept: 'application/json' });
      const answer = plain[req.url.href] ?? new UcwaError('unreachable', `no route to ${req.url.host}`);
      if (answer instanceof UcwaError) throw answer;
      return { url: req.url, ...answer };
    },
  } as unknown as HttpTransport;
  const http = {
    getResource: async (url: URL, what: string): Promise<Resource> => {
      authenticated.push(url.href);
      const answer = users[url.href] ?? new UcwaError('unreachable', `no route to ${url.host}`);
      if (answer instanceof UcwaError) throw answer;
      return Resource.parse(JSON.parse(answer.text), url, what);
    },
  } as unknown as AuthenticatedHttp;
  const logger = createLogger('test', (_level, _scope, message, fields) => void logs.push({ message, ...(fields === undefined ? {} : { fields }) }), new SecretRedactor());
  return { discovery: new Discovery(transport, http, logger, new CredentialTrust({ user })), gets, authenticated, logs };
}

describe('where discovery starts', () => {
  it('takes the domain after the last @, trimmed and in lower case, and refuses an address without a usable one', () => {
    expect(userDomain('ana@Contoso.COM ')).toBe('contoso.com');
    expect(userDomain('"a@b"@contoso.com')).toBe('contoso.com');
    expect(userDomain('@contoso.com')).toBe('contoso.com');
    for (const user of ['ana', 'ana@', 'ana@  ', 'ana@con toso.com', 'ana@contoso.com/x', 'ana@/contoso.com', 'ana@contoso_com']) {
      let error: unknown;
      try {
        userDomain(user);
      } catch (caught) {
        error = caught;
      }
      expect(error, user).toBeInstanceOf(UcwaError);
      expect((error as UcwaError).detail, user).toEqual(errorDetail('noDomain', {}));
    }
  });

  it('turns a server given as a host into its root, and refuses one that is not a URL', () => {
    expect(discoveryCandidates({ server: 'https://lyncweb.contoso.com/', user: 'a@b.c' }).map(String)).toEqual(['https://lyncweb.contoso.com/autodiscover/autodiscoverservice.svc/root']);
    expect(discoveryCandidates({ server: 'https://lyncweb.contoso.com/custom', user: 'a@b.c' }).map(String)).toEqual(['https://lyncweb.contoso.com/custom']);
    let error: unknown;
    try {
      discoveryCandidates({ server: 'lyncweb contoso', user: 'a@b.c' });
    } catch (caught) {
      error = caught;
    }
    expect([(error as UcwaError).code, (error as UcwaError).detail]).toEqual(['not-ucwa', errorDetail('notServerUrl', { server: 'lyncweb contoso' })]);
  });
});

describe('Discovery.findUserLink (the unauthenticated pass)', () => {
  it('follows HTTP redirects (relative ones too) and redirect links to the user link, logging each hop', async () => {
    const s = scripted({
      [INTERNAL]: redirect('/autodiscover/autodiscoverservice.svc/root', 302),
      'https://lyncdiscoverinternal.contoso.com/autodiscover/autodiscoverservice.svc/root': root({ redirect: 'https://pool.contoso.com/root' }),
      'https://pool.contoso.com/root': redirect('https://pool.contoso.com/root2', 307),
      'https://pool.contoso.com/root2': root({ user: USER, xframe: 'https://pool.contoso.com/x' }),
    });
    expect((await s.discovery.findUserLink(new URL(INTERNAL))).href).toBe(USER);
    expect(s.gets).toHaveLength(4);
    expect(s.logs.filter((l) => l.message === 'discovery redirect').map((l) => l.fields)).toEqual([
      { from: 'https://lyncdiscoverinternal.contoso.com', to: 'https://lyncdiscoverinternal.contoso.com' },
      { from: 'https://lyncdiscoverinternal.contoso.com', to: 'https://pool.contoso.com' },
      { from: 'https://pool.contoso.com', to: 'https://pool.contoso.com' },
    ]);
  });

  it('takes every 3xx for a redirect and nothing else', async () => {
    for (const status of [300, 399]) {
      const s = scripted({ [INTERNAL]: redirect('https://pool.contoso.com/r', status), 'https://pool.contoso.com/r': root({ user: USER }) });
      expect((await s.discovery.findUserLink(new URL(INTERNAL))).href, String(status)).toBe(USER);
    }
    for (const status of [299, 400]) {
      const s = scripted({ [INTERNAL]: { status, headers: { location: 'https://pool.contoso.com/r' }, text: '' } });
      expect((await ucwaFailure(s.discovery.findUserLink(new URL(INTERNAL)))).detail, String(status)).toEqual(errorDetail('autodiscoverStatus', { host: 'lyncdiscoverinternal.contoso.com', status }));
    }
  });

  it('says what is wrong with each kind of answer', async () => {
    const host = 'lyncdiscoverinternal.contoso.com';
    const cases: [Answer, string, unknown, number | undefined][] = [
      [redirect(undefined), 'not-ucwa', errorDetail('redirectWithoutLocation', { host }), undefined],
      [{ status: 404, headers: {}, text: '' }, 'not-ucwa', errorDetail('noAutodiscover', { host }), 404],
      [{ status: 410, headers: {}, text: '' }, 'gone', errorDetail('cannotRedirectUser', { host }), 410],
      [{ status: 503, headers: {}, text: '' }, 'not-ucwa', errorDetail('autodiscoverStatus', { host, status: 503 }), 503],
      [root({ self: INTERNAL }), 'not-ucwa', errorDetail('autodiscoverNoUserLink', { host }), undefined],
    ];
    for (const [answer, code, detail, status] of cases) {
      const error = await ucwaFailure(scripted({ [INTERNAL]: answer }).discovery.findUserLink(new URL(INTERNAL)));
      expect([error.code, error.detail, error.status]).toEqual([code, detail, status]);
    }
  });

  it('names the autodiscover root and the user resource when they are malformed', async () => {
    const notJson = await ucwaFailure(scripted({ [INTERNAL]: { status: 200, headers: { 'content-type': 'application/json' }, text: '{"_links":' } }).discovery.findUserLink(new URL(INTERNAL)));
    expect(notJson.message).toBe('The server sent malformed JSON for the autodiscover root.');
    const notResource = await ucwaFailure(scripted({ [INTERNAL]: json([1]) }).discovery.findUserLink(new URL(INTERNAL)));
    expect(notResource.message).toBe('The server sent a malformed autodiscover root.');
    const badUser = await ucwaFailure(scripted({}, { [USER]: json('not a user') }).discovery.findApplications(new URL(USER)));
    expect(badUser.message).toBe('The server sent a malformed user resource.');
  });

  it('follows no redirect to where credentials could not go (§1.3)', async () => {
    for (const target of ['https://evil.example.net/root', 'http://pool.contoso.com/root']) {
      for (const answer of [redirect(target), root({ redirect: target })]) {
        const s = scripted({ [INTERNAL]: answer });
        const error = await ucwaFailure(s.discovery.findUserLink(new URL(INTERNAL)));
        expect([error.code, error.host]).toEqual(['untrusted-server', new URL(target).hostname]);
        expect(s.gets).toEqual([INTERNAL]);
      }
    }
  });

  it(`follows at most ${MAX_DISCOVERY_HOPS} redirects`, async () => {
    const chain = (hops: number): Record<string, Answer> => {
      const answers: Record<string, Answer> = {};
      for (let i = 0; i < hops; i++) answers[`https://pool.contoso.com/r${i}`] = i % 2 === 0 ? redirect(`/r${i + 1}`) : root({ redirect: `/r${i + 1}` });
      answers[`https://pool.contoso.com/r${hops}`] = root({ user: USER });
      return answers;
    };
    expect((await scripted(chain(MAX_DISCOVERY_HOPS)).discovery.findUserLink(new URL('https://pool.contoso.com/r0'))).href).toBe(USER);
    const tooMany = scripted(chain(MAX_DISCOVERY_HOPS + 1));
    const error = await ucwaFailure(tooMany.discovery.findUserLink(new URL('https://pool.contoso.com/r0')));
    expect(error.detail).toEqual(errorDetail('tooManyRedirects', { max: MAX_DISCOVERY_HOPS }));
    expect(tooMany.gets).toHaveLength(MAX_DISCOVERY_HOPS + 1);
  });
});

describe('Discovery.findApplications (the authenticated pass)', () => {
  it('reads the applications link from the user resource, following its redirect to another pool', async () => {
    const other = 'https://pool2.contoso.com/Autodiscover/AutodiscoverService.svc/root';
    const otherUser = 'https://pool2.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user';
    const s = scripted({ [other]: root({ user: otherUser }) }, { [USER]: root({ redirect: other }), [otherUser]: root({ applications: 'https://pool2.contoso.com/ucwa/oauth/v1/applications' }) });
    expect((await s.discovery.findApplications(new URL(USER))).href).toBe('https://pool2.contoso.com/ucwa/oauth/v1/applications');
    expect(s.authenticated).toEqual([USER, otherUser]);
  });

  it('says when the user resource has neither link, and stops after too many redirects', async () => {
    expect((await ucwaFailure(scripted({}, { [USER]: root({ self: USER }) }).discovery.findApplications(new URL(USER)))).detail).toEqual(errorDetail('userResourceNoLink', {}));
    const plain: Record<string, Answer> = {};
    const users: Record<string, Answer> = {};
    for (let i = 0; i <= MAX_DISCOVERY_HOPS + 1; i++) {
      plain[`https://pool.contoso.com/root${i}`] = root({ user: `https://pool.contoso.com/user${i}` });
      users[`https://pool.contoso.com/user${i}`] = root({ redirect: `https://pool.contoso.com/root${i + 1}` });
    }
    const s = scripted(plain, users);
    expect((await ucwaFailure(s.discovery.findApplications(new URL('https://pool.contoso.com/user0')))).detail).toEqual(errorDetail('tooManyRedirects', { max: MAX_DISCOVERY_HOPS }));
    expect(s.authenticated).toHaveLength(MAX_DISCOVERY_HOPS + 1);
  });
});

describe('Discovery.discover', () => {
  it('tries lyncdiscoverinternal, then lyncdiscover, and logs the candidate that failed', async () => {
    const s = scripted({ [EXTERNAL]: root({ user: USER }) }, { [USER]: root({ applications: APPLICATIONS }) });
    expect((await s.discovery.discover({ user: 'ana@contoso.com' })).href).toBe(APPLICATIONS);
    expect(s.gets).toEqual([INTERNAL, EXTERNAL]);
    expect(s.logs[0]).toEqual({ message: 'discovery candidate failed', fields: { candidate: 'https://lyncdiscoverinternal.contoso.com', reason: 'no route to lyncdiscoverinternal.contoso.com' } });
  });

  it('stops at a wrong password, an insecure server or a refused sign-in: trying elsewhere would not help', async () => {
    for (const code of ['wrong-credentials', 'insecure-transport', 'auth-failed'] as const) {
      const s = scripted({ [INTERNAL]: root({ user: USER }), [EXTERNAL]: root({ user: USER }) }, { [USER]: new UcwaError(code, 'refused') });
      expect((await ucwaFailure(s.discovery.discover({ user: 'ana@contoso.com' }))).code).toBe(code);
      expect(s.gets).toEqual([INTERNAL]);
    }
  });

  it('tells the user of an untrusted server rather than of a later failure, and of the last failure otherwise', async () => {
    const untrusted = scripted({ [INTERNAL]: redirect('https://evil.example.net/'), [EXTERNAL]: { status: 404, headers: {}, text: '' } });
    expect((await ucwaFailure(untrusted.discovery.discover({ user: 'ana@contoso.com' }))).code).toBe('untrusted-server');
    const later = scripted({ [INTERNAL]: { status: 404, headers: {}, text: '' }, [EXTERNAL]: redirect('https://evil.example.net/') });
    expect((await ucwaFailure(later.discovery.discover({ user: 'ana@contoso.com' }))).code).toBe('untrusted-server');
    const plain = scripted({ [INTERNAL]: { status: 404, headers: {}, text: '' } });
    const error = await ucwaFailure(plain.discovery.discover({ user: 'ana@contoso.com' }));
    expect([error.code, error.message]).toEqual(['unreachable', 'no route to lyncdiscover.contoso.com']);
  });

  it('uses only the server given, when one is', async () => {
    const s = scripted({ 'https://lyncweb.contoso.com/autodiscover/autodiscoverservice.svc/root': root({ user: USER }) }, { [USER]: root({ applications: APPLICATIONS }) });
    expect((await s.discovery.discover({ user: 'ana@contoso.com', server: 'https://lyncweb.contoso.com' })).href).toBe(APPLICATIONS);
    expect(s.gets).toEqual(['https://lyncweb.contoso.com/autodiscover/autodiscoverservice.svc/root']);
  });
});
