// Authenticated requests (protocol §2): the MsRtcOAuth challenge of a 401, the password grant as a
// form POST to a trusted issuer only, the token sent as issued, renewal before it runs out and one
// renewal (single-flight) and one retry on a 401; the windows and passive grants through the
// injected token fetcher; the server's error answers as typed errors.
import { describe, expect, it } from 'vitest';
import { AuthenticatedHttp, httpError } from '../../../src/main/ucwa/authenticated-http';
import type { SignInMethod, TokenFetcher, TokenRequest, TokenResponse } from '../../../src/main/ucwa/authenticated-http';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import { CredentialTrust } from '../../../src/main/ucwa/trust-policy';
import { errorDetail } from '../../../src/shared/error-detail';
import { ucwaFailure } from './support/ucwa-failure';

const ORIGIN = 'https://pool.contoso.com';
const ISSUER = 'https://pool.contoso.com/WebTicket/oauthtoken';
const APP = `${ORIGIN}/ucwa/oauth/v1/applications/1`;
const CHALLENGE = `MsRtcOAuth href="${ISSUER}",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:passive,password"`;
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

type Answer = Omit<HttpResponse, 'url'>;
const ok = (body: unknown = {}): Answer => ({ status: 200, headers: JSON_TYPE, text: JSON.stringify(body) });
/** `null`: a 401 without any challenge. */
const unauthorized = (challenge: string | string[] | null = CHALLENGE): Answer => ({ status: 401, headers: challenge === null ? {} : { 'www-authenticate': challenge }, text: '' });
const token = (accessToken: string, expiresIn?: number): Answer => ok({ access_token: accessToken, token_type: 'Bearer', ...(expiresIn === undefined ? {} : { expires_in: expiresIn }) });

interface Harness {
  readonly http: AuthenticatedHttp;
  /** Every request the transport was given. */
  readonly sent: HttpRequest[];
  readonly logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  readonly redactor: SecretRedactor;
  readonly fetched: TokenRequest[];
  clock: number;
}

interface HarnessOptions {
  readonly method?: SignInMethod;
  readonly user?: string;
  readonly password?: string;
  readonly server?: string;
  readonly tokenFetcher?: TokenFetcher | 'none';
  readonly fetcherAnswer?: TokenResponse;
}

/** `answer` is asked for each request in turn; the token endpoint is a POST to the issuer. */
function harness(answer: (req: HttpRequest, h: Harness) => Answer | Promise<Answer>, options: HarnessOptions = {}): Harness {
  const sent: HttpRequest[] = [];
  const logs: Harness['logs'] = [];
  const fetched: TokenRequest[] = [];
  const redactor = new SecretRedactor();
  const logger = createLogger('test', (level, _scope, message, fields) => void logs.push({ level, message, ...(fields === undefined ? {} : { fields }) }), redactor);
  const h = { sent, logs, redactor, fetched, clock: 1_000_000 } as Harness & { http: AuthenticatedHttp };
  const transport = {
    requestCount: 0,
    send: async (req: HttpRequest): Promise<HttpResponse> => {
      sent.push(req);
      return { url: req.url, ...(await answer(req, h)) };
    },
  } as unknown as HttpTransport;
  const user = options.user ?? 'ana@contoso.com';
  const trust = new CredentialTrust({ user, server: options.server });
  const fetcher: TokenFetcher = async (request) => {
    fetched.push(request);
    return options.fetcherAnswer ?? { status: 200, contentType: 'application/json', text: JSON.stringify({ access_token: 'cwt=WINDOWS', expires_in: 3600 }) };
  };
  h.http = new AuthenticatedHttp(transport, { user, password: options.password ?? 'S3cret&=+%' }, redactor, logger, trust, () => h.clock, options.method ?? 'password', options.tokenFetcher === 'none' ? undefined : (options.tokenFetcher ?? fetcher));
  return h;
}

const isTokenRequest = (req: HttpRequest): boolean => req.method === 'POST' && req.url.href === ISSUER;
const authorization = (req: HttpRequest | undefined): string | undefined => req?.headers?.Authorization;

/** A pool that asks for a token once and then accepts `cwt=T<n>`, the n-th token it issued. */
function pool(options: { expiresIn?: number; accept?: (auth: string | undefined) => boolean } = {}): (req: HttpRequest) => Answer {
  let issued = 0;
  return (req) => {
    if (isTokenRequest(req)) return token(`cwt=T${++issued}`, options.expiresIn);
    const auth = authorization(req);
    const accepted = options.accept?.(auth) ?? auth === `Bearer cwt=T${issued}`;
    return accepted ? ok({ path: req.url.pathname }) : unauthorized();
  };
}

describe('AuthenticatedHttp: the password grant (§2.1–2.3)', () => {
  it('answers the 401 challenge with the form POST to the issuer, then retries the request once with the token as issued', async () => {
    const h = harness(pool());
    const res = await h.http.send({ method: 'GET', url: new URL(`${APP}/me`), headers: { Accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(h.sent.map((r) => `${r.method} ${r.url.href}`)).toEqual([`GET ${APP}/me`, `POST ${ISSUER}`, `GET ${APP}/me`]);
    expect(authorization(h.sent[0])).toBeUndefined();
    expect(h.sent[0]?.headers).toEqual({ Accept: 'application/json' });
    expect(h.sent[1]?.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' });
    // &, =, + and % in a password are encoded, not taken for form syntax (§10.5).
    expect(h.sent[1]?.body).toBe('grant_type=password&username=ana%40contoso.com&password=S3cret%26%3D%2B%25');
    expect(h.sent[2]?.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer cwt=T1' });
    expect(h.http.authentications).toBe(1);
    expect(h.http.hasToken(ORIGIN)).toBe(true);
    expect(h.http.hasToken('https://other.contoso.com')).toBe(false);
  });

  it('resolves a relative issuer against the origin and takes the challenge from either of two headers', async () => {
    const h = harness((req) => (req.method === 'POST' ? token('cwt=R') : authorization(req) === 'Bearer cwt=R' ? ok() : unauthorized(['Bearer realm="x"', 'MsRtcOAuth href="/WebTicket/oauthtoken",grant_type="password"'])));
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.sent[1]?.url.href).toBe(ISSUER);
  });

  it('sends the token it has from then on, without asking again', async () => {
    const h = harness(pool());
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    await h.http.send({ method: 'GET', url: new URL(`${APP}/people`) });
    expect(h.sent).toHaveLength(4);
    expect(authorization(h.sent[3])).toBe('Bearer cwt=T1');
    expect(h.http.authentications).toBe(1);
  });

  it('logs the sign-in without the token, and scrubs the token from every later line', async () => {
    // A token that does not start with cwt= is scrubbed because it was registered, not by its shape.
    const h = harness((req) => (isTokenRequest(req) ? token('opaque-token-1', 1200) : authorization(req) === 'Bearer opaque-token-1' ? ok() : unauthorized()));
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.logs).toContainEqual({ level: 'info', message: 'signed in', fields: { origin: ORIGIN, expiresInSeconds: 1200 } });
    expect(JSON.stringify(h.logs)).not.toContain('opaque-token-1');
    expect(h.redactor.scrub('sent opaque-token-1 and S3cret&=+%')).toBe('sent [redacted] and [redacted]');
  });

  it('says a server without the MsRtcOAuth challenge is not UCWA, and asks for no token', async () => {
    for (const challenge of [null, 'Negotiate', 'MsRtcOAuth grant_type="password"']) {
      const h = harness(() => unauthorized(challenge));
      const error = await ucwaFailure(h.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
      expect([error.code, error.status, error.detail]).toEqual(['not-ucwa', 401, errorDetail('noUcwaChallenge', { host: 'pool.contoso.com' })]);
      expect(h.sent).toHaveLength(1);
    }
  });

  it('says the token was refused when the retry is answered 401 again, and does not loop', async () => {
    const h = harness(pool({ accept: () => false }));
    const error = await ucwaFailure(h.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
    expect([error.code, error.status, error.detail]).toEqual(['auth-failed', 401, errorDetail('tokenRefused', { host: 'pool.contoso.com' })]);
    expect(h.sent).toHaveLength(3);
  });

  it('tells a wrong password from other refusals of the token request', async () => {
    const cases: [Answer, string, unknown][] = [
      [{ status: 400, headers: JSON_TYPE, text: '{"error":"invalid_grant"}' }, 'wrong-credentials', undefined],
      [{ status: 401, headers: {}, text: '' }, 'wrong-credentials', undefined],
      [{ status: 403, headers: {}, text: 'Forbidden' }, 'wrong-credentials', undefined],
      [{ status: 400, headers: JSON_TYPE, text: '{"error":"unsupported_grant_type"}' }, 'auth-failed', errorDetail('signInRefused', { reason: 'unsupported_grant_type' })],
      [{ status: 400, headers: {}, text: '<html>Bad Request</html>' }, 'auth-failed', errorDetail('signInRefused', { reason: '400' })],
      [{ status: 400, headers: JSON_TYPE, text: '{"error":5}' }, 'auth-failed', errorDetail('signInRefused', { reason: '400' })],
    ];
    for (const [answer, code, detail] of cases) {
      const h = harness((req) => (isTokenRequest(req) ? answer : unauthorized()));
      const error = await ucwaFailure(h.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
      expect([error.code, error.status, error.detail], answer.text).toEqual([code, answer.status, detail]);
      if (code === 'wrong-credentials') expect(error.message).toBe('The sign-in address or password is wrong.');
      expect(h.http.hasToken(ORIGIN)).toBe(false);
      expect(h.http.authentications).toBe(1);
    }
  });

  it('refuses a token answer that is not a token, or not JSON, or a server error', async () => {
    const cases: [Answer, string, string][] = [
      [ok({ token: 'x' }), 'malformed-response', 'The server sent a malformed token.'],
      [ok({ access_token: '' }), 'malformed-response', 'The server sent a malformed token.'],
      [ok({ access_token: 'cwt=X', expires_in: -5 }), 'malformed-response', 'The server sent a malformed token.'],
      [{ status: 200, headers: JSON_TYPE, text: '{"access_token":' }, 'malformed-response', 'The server sent malformed JSON for the token.'],
      [{ status: 200, headers: { 'content-type': 'text/html' }, text: '<html></html>' }, 'not-ucwa', 'The server answered text/html where UCWA answers JSON.'],
      [{ status: 500, headers: JSON_TYPE, text: '{"code":"ServiceFailure","subcode":"Down","message":"busy"}' }, 'http', '500 Down from /WebTicket/oauthtoken: busy'],
      [{ status: 302, headers: {}, text: '' }, 'http', '302 from /WebTicket/oauthtoken'],
    ];
    for (const [answer, code, message] of cases) {
      const h = harness((req) => (isTokenRequest(req) ? answer : unauthorized()));
      const error = await ucwaFailure(h.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
      expect([error.code, code === 'not-ucwa' ? error.code : error.message], answer.text).toEqual([code, code === 'not-ucwa' ? code : message]);
      expect(h.http.hasToken(ORIGIN)).toBe(false);
    }
  });

  it('does not send the password where the challenge offers no password grant; an empty list allows it', async () => {
    const refusing = harness(() => unauthorized(`MsRtcOAuth href="${ISSUER}",grant_type="urn:microsoft.rtc:windows"`));
    const error = await ucwaFailure(refusing.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
    expect([error.code, error.detail]).toEqual(['auth-failed', errorDetail('noPasswordSignIn', {})]);
    expect(refusing.sent).toHaveLength(1);
    const open = harness((req) => (isTokenRequest(req) ? token('cwt=O') : authorization(req) === 'Bearer cwt=O' ? ok() : unauthorized(`MsRtcOAuth href="${ISSUER}"`)));
    await open.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(open.sent.filter(isTokenRequest)).toHaveLength(1);
  });

  it('sends the password only to a trusted issuer for a trusted host', async () => {
    const foreignIssuer = harness(() => unauthorized('MsRtcOAuth href="https://evil.example.net/oauthtoken",grant_type="password"'));
    const error = await ucwaFailure(foreignIssuer.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
    expect([error.code, error.host]).toEqual(['untrusted-server', 'evil.example.net']);
    expect(error.message).toMatch(/^Not sending your password to evil\.example\.net: /);
    expect(foreignIssuer.sent).toHaveLength(1);
    const foreignPool = harness(() => unauthorized('MsRtcOAuth href="/oauthtoken",grant_type="password"'));
    const refused = await ucwaFailure(foreignPool.http.send({ method: 'GET', url: new URL('https://pool.fabrikam.com/ucwa/me') }));
    expect([refused.code, refused.host]).toEqual(['untrusted-server', 'pool.fabrikam.com']);
    expect(foreignPool.sent).toHaveLength(1);
    // A trusted issuer does not make the token good for a host outside the trusted domains.
    const trustedIssuer = harness(() => unauthorized(CHALLENGE));
    const offDomain = await ucwaFailure(trustedIssuer.http.send({ method: 'GET', url: new URL('https://pool.fabrikam.com/ucwa/me') }));
    expect([offDomain.code, offDomain.host]).toEqual(['untrusted-server', 'pool.fabrikam.com']);
    expect(offDomain.message).toMatch(/^Not sending your password to pool\.fabrikam\.com: /);
    expect(trustedIssuer.sent).toHaveLength(1);
  });

  it('once pinned to the application\'s origin, sends nothing anywhere else', async () => {
    const h = harness(pool());
    h.http.trust.pin(ORIGIN);
    const error = await ucwaFailure(h.http.send({ method: 'GET', url: new URL('https://other.contoso.com/x') }));
    expect(error.code).toBe('untrusted-server');
    expect(h.sent).toEqual([]);
  });
});

describe('AuthenticatedHttp: token lifetime and renewal (§2.4)', () => {
  it('renews before a request once 85 % of the lifetime has passed, and not before', async () => {
    const h = harness(pool({ expiresIn: 1000 }));
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    h.clock += 849_999;
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.sent.filter(isTokenRequest)).toHaveLength(1);
    h.clock += 1;
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.sent.slice(-2).map((r) => `${r.method} ${authorization(r) ?? '-'}`)).toEqual(['POST -', 'GET Bearer cwt=T2']);
    expect(h.http.authentications).toBe(2);
  });

  it('takes an hour when the server does not say how long a token lasts', async () => {
    const h = harness(pool());
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    h.clock += 3_059_999;
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.sent.filter(isTokenRequest)).toHaveLength(1);
    h.clock += 1;
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.sent.filter(isTokenRequest)).toHaveLength(2);
  });

  it('asks for one token when several requests meet the same 401 at once', async () => {
    let release: () => void = () => undefined;
    const tokenAsked = new Promise<void>((resolve) => (release = resolve));
    const serve = pool();
    const h = harness(async (req) => {
      if (isTokenRequest(req)) await tokenAsked;
      return serve(req);
    });
    const all = Promise.all([1, 2, 3].map((n) => h.http.send({ method: 'GET', url: new URL(`${APP}/r${n}`) })));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    expect((await all).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(h.sent.filter(isTokenRequest)).toHaveLength(1);
    expect(h.http.authentications).toBe(1);
  });

  /**
   * A request sent with the first token is answered 401 only after another request renewed it:
   * `answerSlow` lets that 401 go (a test may move the clock first).
   */
  async function slowRequestAfterRenewal(expiresIn?: number): Promise<{ h: Harness; slow: Promise<HttpResponse>; answerSlow: () => void }> {
    let answerSlow: () => void = () => undefined;
    const slowCanAnswer = new Promise<void>((resolve) => (answerSlow = resolve));
    const serve = pool(expiresIn === undefined ? {} : { expiresIn });
    const h = harness(async (req) => {
      if (req.url.pathname.endsWith('/slow') && authorization(req) === 'Bearer cwt=T1') {
        await slowCanAnswer;
        return unauthorized();
      }
      return serve(req);
    });
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    const slow = h.http.send({ method: 'GET', url: new URL(`${APP}/slow`) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    h.http.expireLocally(ORIGIN);
    await h.http.send({ method: 'GET', url: new URL(`${APP}/fast`) });
    return { h, slow, answerSlow };
  }

  it('retries with the token another request just got instead of asking again', async () => {
    const { h, slow, answerSlow } = await slowRequestAfterRenewal();
    answerSlow();
    expect((await slow).status).toBe(200);
    expect(h.sent.filter(isTokenRequest)).toHaveLength(2);
    expect(authorization(h.sent.at(-1))).toBe('Bearer cwt=T2');
  });

  it('renews again when the token another request got has itself run out meanwhile', async () => {
    const { h, slow, answerSlow } = await slowRequestAfterRenewal(100);
    // T2 was issued at this clock; by the time the slow request's 401 comes, it is due for renewal.
    h.clock += 85_000;
    answerSlow();
    expect((await slow).status).toBe(200);
    expect(h.sent.filter(isTokenRequest)).toHaveLength(3);
    expect(authorization(h.sent.at(-1))).toBe('Bearer cwt=T3');
  });

  it('asks again once the token is forgotten or expired here, and a failed renewal can be tried again', async () => {
    const h = harness(pool());
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    h.http.forgetTokens();
    expect(h.http.hasToken(ORIGIN)).toBe(false);
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.sent.slice(-3).map((r) => authorization(r) ?? '-')).toEqual(['-', '-', 'Bearer cwt=T2']);
    h.http.expireLocally('https://unknown.contoso.com');
    h.http.expireLocally(ORIGIN);
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.sent.slice(-2).map((r) => `${r.method} ${authorization(r) ?? '-'}`)).toEqual(['POST -', 'GET Bearer cwt=T3']);
  });

  it('does not keep a failed renewal: the next request asks again', async () => {
    let fail = true;
    const serve = pool();
    const h = harness((req) => (isTokenRequest(req) && fail ? { status: 503, headers: {}, text: '' } : serve(req)));
    expect((await ucwaFailure(h.http.send({ method: 'GET', url: new URL(`${APP}/me`) }))).status).toBe(503);
    fail = false;
    expect((await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) })).status).toBe(200);
  });
});

describe('AuthenticatedHttp: windows and passive grants through the token fetcher', () => {
  it('runs the windows grant through the fetcher, with the user name and the domains Windows credentials may go to', async () => {
    const h = harness((req) => (authorization(req) === 'Bearer cwt=WINDOWS' ? ok() : unauthorized()), { method: 'windows', server: 'https://lyncweb.contoso.com' });
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.fetched).toEqual([{ issuer: new URL(ISSUER), grantType: 'urn:microsoft.rtc:windows', body: 'grant_type=urn%3Amicrosoft.rtc%3Awindows&username=ana%40contoso.com', allowedDomains: ['contoso.com', '*.contoso.com'] }]);
    expect(h.sent.filter(isTokenRequest)).toEqual([]);
    expect(h.http.authentications).toBe(1);
  });

  it('leaves the user name out when there is none (the passive grant signs in with a cookie)', async () => {
    const h = harness((req) => (authorization(req) === 'Bearer cwt=WINDOWS' ? ok() : unauthorized()), { method: 'passive', user: '', server: 'https://pool.contoso.com' });
    await h.http.send({ method: 'GET', url: new URL(`${APP}/me`) });
    expect(h.fetched.map((f) => [f.grantType, f.body])).toEqual([['urn:microsoft.rtc:passive', 'grant_type=urn%3Amicrosoft.rtc%3Apassive']]);
  });

  it('says which sign-in the server does not offer, and when there is no way to run the grant', async () => {
    const windowsOnly = `MsRtcOAuth href="${ISSUER}",grant_type="urn:microsoft.rtc:windows"`;
    const passiveOnly = `MsRtcOAuth href="${ISSUER}",grant_type="urn:microsoft.rtc:passive"`;
    const windows = harness(() => unauthorized(passiveOnly), { method: 'windows' });
    expect((await ucwaFailure(windows.http.send({ method: 'GET', url: new URL(`${APP}/me`) }))).detail).toEqual(errorDetail('noWindowsSignIn', {}));
    const passive = harness(() => unauthorized(windowsOnly), { method: 'passive' });
    expect((await ucwaFailure(passive.http.send({ method: 'GET', url: new URL(`${APP}/me`) }))).detail).toEqual(errorDetail('noOrganizationSignIn', {}));
    const noFetcher = harness(() => unauthorized(windowsOnly), { method: 'windows', tokenFetcher: 'none' });
    const error = await ucwaFailure(noFetcher.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
    expect([error.code, error.detail]).toEqual(['auth-failed', errorDetail('grantNotSupported', { grant: 'urn:microsoft.rtc:windows' })]);
    expect([windows.fetched, passive.fetched, noFetcher.fetched]).toEqual([[], [], []]);
  });

  it('sends Windows credentials and sign-in cookies only to a trusted issuer', async () => {
    for (const method of ['windows', 'passive'] as const) {
      const h = harness(() => unauthorized('MsRtcOAuth href="https://evil.example.net/t",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:passive"'), { method });
      const error = await ucwaFailure(h.http.send({ method: 'GET', url: new URL(`${APP}/me`) }));
      expect(error.code).toBe('untrusted-server');
      expect(error.message).toContain(method === 'windows' ? 'Not sending your Windows sign-in to evil.example.net' : 'Not sending your sign-in cookies to evil.example.net');
      expect(h.fetched).toEqual([]);
    }
    const foreignPool = harness(() => unauthorized('MsRtcOAuth href="/t",grant_type="urn:microsoft.rtc:windows"'), { method: 'windows' });
    expect((await ucwaFailure(foreignPool.http.send({ method: 'GET', url: new URL('https://pool.fabrikam.com/ucwa') }))).host).toBe('pool.fabrikam.com');
    expect(foreignPool.fetched).toEqual([]);
  });

  it('reads the fetcher\'s answer like a token answer: a refusal is wrong credentials, HTML is not UCWA', async () => {
    const refused = harness(() => unauthorized(), { method: 'windows', fetcherAnswer: { status: 401, contentType: undefined, text: '' } });
    expect((await ucwaFailure(refused.http.send({ method: 'GET', url: new URL(`${APP}/me`) }))).code).toBe('wrong-credentials');
    const html = harness(() => unauthorized(), { method: 'windows', fetcherAnswer: { status: 200, contentType: 'text/html', text: '<html></html>' } });
    expect((await ucwaFailure(html.http.send({ method: 'GET', url: new URL(`${APP}/me`) }))).code).toBe('not-ucwa');
    const untyped = harness(() => unauthorized(), { method: 'windows', fetcherAnswer: { status: 200, contentType: undefined, text: '{"access_token":"cwt=X"}' } });
    expect((await ucwaFailure(untyped.http.send({ method: 'GET', url: new URL(`${APP}/me`) }))).code).toBe('not-ucwa');
  });
});

describe('AuthenticatedHttp: requests and answers', () => {
  const signedIn = (answer: (req: HttpRequest) => Answer): Harness => harness((req) => (isTokenRequest(req) ? token('cwt=A') : authorization(req) === 'Bearer cwt=A' ? answer(req) : unauthorized()));

  it('GETs a resource as JSON, with a time limit when asked, and reads it against the URL it came from', async () => {
    const h = signedIn(() => ok({ _links: { self: { href: 'me' } }, name: 'Ana' }));
    const me = await h.http.getResource(new URL(`${APP}/me`), 'me', 5000);
    expect(me.string('name')).toBe('Ana');
    expect(me.link('self')?.url.href).toBe(`${APP}/me`);
    const last = h.sent.at(-1);
    expect([last?.method, last?.headers?.Accept, last?.timeoutMs]).toEqual(['GET', 'application/json', 5000]);
    await h.http.getResource(new URL(`${APP}/me`), 'me');
    expect(h.sent.at(-1)).not.toHaveProperty('timeoutMs');
  });

  it('refuses an answer that is not JSON or does not parse, naming what was asked', async () => {
    const html = signedIn(() => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, text: '<html>' }));
    const notJson = await ucwaFailure(html.http.getResource(new URL(`${APP}/me`), 'me'));
    expect([notJson.code, notJson.detail]).toEqual(['not-ucwa', errorDetail('notJson', { host: 'pool.contoso.com', type: 'text/html' })]);
    const untyped = signedIn(() => ({ status: 200, headers: {}, text: '{}' }));
    expect((await ucwaFailure(untyped.http.getResource(new URL(`${APP}/me`), 'me'))).detail).toEqual(errorDetail('notJson', { host: 'pool.contoso.com', type: '-' }));
    const broken = signedIn(() => ({ status: 200, headers: JSON_TYPE, text: '{"name":' }));
    expect((await ucwaFailure(broken.http.getResource(new URL(`${APP}/me`), 'me'))).message).toBe('The server sent malformed JSON for the me.');
  });

  it('reads a large collection in slices, and names malformed JSON in it', async () => {
    const h = signedIn(() => ok({ _embedded: { contact: [{ uri: 'sip:a@contoso.com' }, { uri: 'sip:b@contoso.com' }] } }));
    const list = await h.http.getCollection(new URL(`${APP}/people/contacts`), 'contacts', 'contact');
    expect(list.embeddedList('contact').map((c) => c.string('uri'))).toEqual(['sip:a@contoso.com', 'sip:b@contoso.com']);
    expect(h.sent.at(-1)?.headers?.Accept).toBe('application/json');
    const broken = signedIn(() => ({ status: 200, headers: JSON_TYPE, text: '{"_embedded":{"contact":[{"uri":' }));
    const error = await ucwaFailure(broken.http.getCollection(new URL(`${APP}/people/contacts`), 'contacts', 'contact'));
    expect([error.code, error.message]).toEqual(['malformed-response', 'The server sent malformed JSON for the contacts.']);
    expect(error.cause).toBeInstanceOf(Error);
    const html = signedIn(() => ({ status: 200, headers: { 'content-type': 'text/html' }, text: '<html>' }));
    expect((await ucwaFailure(html.http.getCollection(new URL(`${APP}/people/contacts`), 'contacts', 'contact'))).code).toBe('not-ucwa');
  });

  it('POSTs JSON, and an empty POST with its length said', async () => {
    const h = signedIn(() => ({ status: 204, headers: {}, text: '' }));
    await h.http.postJson(new URL(`${APP}/me/makeMeAvailable`), { signInAs: 'Online' });
    await h.http.postEmpty(new URL(`${APP}/reportMyActivity`));
    const [json, empty] = h.sent.slice(-2);
    expect([json?.method, json?.headers, json?.body]).toEqual(['POST', { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer cwt=A' }, '{"signInAs":"Online"}']);
    expect([empty?.method, empty?.headers, empty?.body]).toEqual(['POST', { Accept: 'application/json', 'Content-Length': '0', Authorization: 'Bearer cwt=A' }, '']);
  });

  it('throws for every answer from 400 up, and returns the ones below', async () => {
    for (const status of [200, 201, 204, 399]) expect((await signedIn(() => ({ status, headers: {}, text: '' })).http.send({ method: 'GET', url: new URL(APP) })).status).toBe(status);
    for (const status of [400, 409, 500]) expect((await ucwaFailure(signedIn(() => ({ status, headers: {}, text: '' })).http.send({ method: 'GET', url: new URL(APP) }))).status).toBe(status);
  });
});

describe('httpError (§8.4)', () => {
  const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): HttpResponse => ({ url: new URL(`${APP}/communication/conversations/c1`), status, headers: body === undefined ? headers : { ...JSON_TYPE, ...headers }, text: body === undefined ? '' : JSON.stringify(body) });

  it('types what the server says: the application gone, a resource gone or not found, any other answer', () => {
    const gone = httpError(answer(404, { code: 'NotFound', subcode: 'ApplicationNotFound' }));
    expect([gone.code, gone.detail, gone.status, gone.subcode]).toEqual(['application-gone', errorDetail('applicationGone', {}), 404, 'ApplicationNotFound']);
    expect([httpError(answer(410, { message: 'ended' })).code, httpError(answer(410, { message: 'ended' })).message]).toEqual(['gone', 'The server says the resource is gone: ended.']);
    expect(httpError(answer(410)).message).toBe('The server says the resource is gone.');
    const missing = httpError(answer(404, { code: 'NotFound' }));
    expect([missing.code, missing.message]).toEqual(['not-found', 'Not found: /ucwa/oauth/v1/applications/1/communication/conversations/c1.']);
    const other = httpError(answer(409, { code: 'Conflict', subcode: 'AlreadyExists', message: 'exists' }));
    expect([other.code, other.message, other.subcode]).toEqual(['http', '409 AlreadyExists from /ucwa/oauth/v1/applications/1/communication/conversations/c1: exists', 'AlreadyExists']);
    expect(httpError(answer(500)).message).toBe('500 from /ucwa/oauth/v1/applications/1/communication/conversations/c1');
    expect(httpError(answer(500, { subcode: 'ApplicationNotFound' })).code).toBe('http');
  });

  it('reads the subcode only from a JSON body, and Retry-After in seconds when it is a number of them', () => {
    const html: HttpResponse = { url: new URL(APP), status: 503, headers: { 'content-type': 'text/html', 'retry-after': '7' }, text: '{"subcode":"NotJson"}' };
    const error = httpError(html);
    expect([error.subcode, error.retryAfterMs]).toEqual([undefined, 7000]);
    expect(error).not.toHaveProperty('subcode', 'NotJson');
    expect(httpError(answer(503, {}, { 'retry-after': '0' })).retryAfterMs).toBe(0);
    for (const value of ['-1', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT']) expect(httpError(answer(503, {}, { 'retry-after': value })).retryAfterMs).toBeUndefined();
    expect(httpError(answer(503, {})).retryAfterMs).toBeUndefined();
    expect(httpError(answer(500, { subcode: 5 })).subcode).toBeUndefined();
  });
});
