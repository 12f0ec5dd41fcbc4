// Authenticated requests (protocol §2): the MsRtcOAuth challenge, the password grant as a form
// POST, a bearer token per origin, proactive renewal, and on a 401 exactly one re-authentication
// (single-flight per origin) and one retry of the same request.
import { z } from 'zod';
import { UcwaError } from './errors';
import { headerValue } from './http-transport';
import { JsonSyntaxError, parseCollectionInSlices } from './json-in-slices';
import type { HttpRequest, HttpResponse, HttpTransport } from './http-transport';
import type { Logger, SecretRedactor } from './logger';
import { Resource } from './resource';
import type { CredentialTrust } from './trust-policy';
import { parseMsRtcOAuthChallenge } from './www-authenticate';
import type { MsRtcOAuthChallenge } from './www-authenticate';
import { errorDetail } from '../../shared/error-detail';

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/** How the user signs in (protocol §2.1): which grant the token request uses. */
export type SignInMethod = 'password' | 'windows' | 'passive';

export const GRANT_TYPES: Readonly<Record<SignInMethod, string>> = {
  password: 'password',
  windows: 'urn:microsoft.rtc:windows',
  passive: 'urn:microsoft.rtc:passive',
};

/** What a token fetcher is asked for: the grant's form POST to a trusted issuer. */
export interface TokenRequest {
  readonly issuer: URL;
  readonly grantType: string;
  /** The form body (grant_type, and for some grants the user name), URL-encoded. */
  readonly body: string;
  /** Where Windows credentials may be answered (the trust policy's domains, Chromium allow-list form). */
  readonly allowedDomains: readonly string[];
}

export interface TokenResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly text: string;
}

/**
 * Runs the token request of a grant that needs more than a form POST: NTLM/Negotiate against the
 * issuer (windows), or a sign-in page that leaves a cookie (passive). The app passes one built on
 * Electron, the CLI one built on an NTLM library: the client itself stays Electron-free.
 */
export type TokenFetcher = (request: TokenRequest) => Promise<TokenResponse>;

interface TokenRecord {
  readonly token: string;
  readonly expiresAt: number;
  readonly renewAt: number;
  readonly challenge: MsRtcOAuthChallenge;
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive().optional(), token_type: z.string().optional() }).passthrough();
const errorBodySchema = z.object({ code: z.string().optional(), subcode: z.string().optional(), message: z.string().optional(), error: z.string().optional() }).passthrough();

export type Request = Omit<HttpRequest, 'headers'> & { readonly headers?: Record<string, string> };

export class AuthenticatedHttp {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly renewals = new Map<string, Promise<void>>();
  authentications = 0;

  constructor(
    private readonly transport: HttpTransport,
    private readonly credentials: Credentials,
    private readonly redactor: SecretRedactor,
    private readonly logger: Logger,
    readonly trust: CredentialTrust,
    private readonly now: () => number = Date.now,
    private readonly method: SignInMethod = 'password',
    private readonly tokenFetcher?: TokenFetcher,
  ) {
    redactor.add(credentials.password);
  }

  get requestCount(): number {
    return this.transport.requestCount;
  }

  /** Sends with the origin's token; answers a 401 with one renewal and one retry. Non-2xx throws. */
  async send(req: Request): Promise<HttpResponse> {
    const origin = req.url.origin;
    // Once the application exists, a link to anywhere else is not followed (and carries nothing).
    this.trust.assertPinned(req.url);
    await this.renewIfStale(origin);
    const used = this.tokens.get(origin)?.token;
    let res = await this.transport.send(this.withAuth(req, used));
    if (res.status === 401) {
      const challenge = parseMsRtcOAuthChallenge(res.headers['www-authenticate']);
      if (challenge === undefined) throw new UcwaError('not-ucwa', errorDetail('noUcwaChallenge', { host: req.url.host }), { status: 401 });
      await this.renew(origin, challenge, used);
      res = await this.transport.send(this.withAuth(req, this.tokens.get(origin)?.token));
      if (res.status === 401) throw new UcwaError('auth-failed', errorDetail('tokenRefused', { host: req.url.host }), { status: 401 });
    }
    if (res.status >= 400) throw httpError(res);
    return res;
  }

  async getResource(url: URL, what: string, timeoutMs?: number): Promise<Resource> {
    const res = await this.send({ method: 'GET', url, headers: { Accept: 'application/json' }, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    return Resource.parse(parseJsonBody(res, what), res.url, what);
  }

  /**
   * A collection whose answer may be several MB (the contact list): its `_embedded[rel]` items are
   * parsed in slices that yield to the event loop (json-in-slices.ts).
   */
  async getCollection(url: URL, what: string, rel: string): Promise<Resource> {
    const res = await this.send({ method: 'GET', url, headers: { Accept: 'application/json' } });
    assertJsonType(res);
    let value: unknown;
    try {
      value = await parseCollectionInSlices(res.text, rel);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      throw new UcwaError('malformed-response', `The server sent malformed JSON for the ${what}.`, { cause: error });
    }
    return Resource.parse(value, res.url, what);
  }

  async postJson(url: URL, body: unknown): Promise<HttpResponse> {
    return this.send({ method: 'POST', url, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  async postEmpty(url: URL): Promise<HttpResponse> {
    return this.send({ method: 'POST', url, headers: { Accept: 'application/json', 'Content-Length': '0' }, body: '' });
  }

  hasToken(origin: string): boolean {
    return this.tokens.has(origin);
  }

  forgetTokens(): void {
    this.tokens.clear();
  }

  /** For tests and diagnostics: make the next request of an origin look expired. */
  expireLocally(origin: string): void {
    const record = this.tokens.get(origin);
    if (record !== undefined) this.tokens.set(origin, { ...record, renewAt: 0 });
  }

  private withAuth(req: Request, token: string | undefined): HttpRequest {
    // The token is sent exactly as issued: it already starts with `cwt=` (§2.3, §10.4).
    return { ...req, headers: { ...(req.headers ?? {}), ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) } };
  }

  private async renewIfStale(origin: string): Promise<void> {
    const record = this.tokens.get(origin);
    if (record === undefined || this.now() < record.renewAt) return;
    await this.renew(origin, record.challenge, record.token);
  }

  private async renew(origin: string, challenge: MsRtcOAuthChallenge, used: string | undefined): Promise<void> {
    const current = this.tokens.get(origin);
    // Someone already renewed while our request was in flight: just retry with the new token.
    if (current !== undefined && current.token !== used && this.now() < current.renewAt) return;
    const inflight = this.renewals.get(origin);
    if (inflight !== undefined) return inflight;
    const renewal = this.fetchToken(origin, challenge).finally(() => this.renewals.delete(origin));
    this.renewals.set(origin, renewal);
    return renewal;
  }

  private async fetchToken(origin: string, challenge: MsRtcOAuthChallenge): Promise<void> {
    if (this.method !== 'password') return this.fetchTokenWith(origin, challenge);
    if (challenge.grantTypes.length > 0 && !challenge.grantTypes.includes(GRANT_TYPES.password)) {
      throw new UcwaError('auth-failed', errorDetail('noPasswordSignIn', {}));
    }
    const issuer = new URL(challenge.href, origin);
    // The password goes only to a trusted issuer, for a trusted host (§1.3, §10.3).
    this.trust.assertTrusted(new URL(origin), 'your password');
    this.trust.assertTrusted(issuer, 'your password');
    // URLSearchParams encodes &, +, = and % in passwords (§2.2, §10.5).
    const form = new URLSearchParams({ grant_type: GRANT_TYPES.password, username: this.credentials.user, password: this.credentials.password });
    const res = await this.transport.send({
      method: 'POST',
      url: issuer,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
      body: form.toString(),
    });
    this.acceptToken(origin, challenge, res);
  }

  /** The windows and passive grants: the injected fetcher runs the exchange, to a trusted issuer only. */
  private async fetchTokenWith(origin: string, challenge: MsRtcOAuthChallenge): Promise<void> {
    const grantType = GRANT_TYPES[this.method];
    if (!challenge.grantTypes.includes(grantType)) {
      throw new UcwaError('auth-failed', this.method === 'windows' ? errorDetail('noWindowsSignIn', {}) : errorDetail('noOrganizationSignIn', {}));
    }
    if (this.tokenFetcher === undefined) throw new UcwaError('auth-failed', errorDetail('grantNotSupported', { grant: grantType }));
    const issuer = new URL(challenge.href, origin);
    // Windows credentials (NTLM) and sign-in cookies go only where a password could (§1.3).
    const what = this.method === 'windows' ? 'your Windows sign-in' : 'your sign-in cookies';
    this.trust.assertTrusted(new URL(origin), what);
    this.trust.assertTrusted(issuer, what);
    const form = new URLSearchParams({ grant_type: grantType, ...(this.credentials.user === '' ? {} : { username: this.credentials.user }) });
    const answer = await this.tokenFetcher({ issuer, grantType, body: form.toString(), allowedDomains: this.trust.ntlmAllowList() });
    this.acceptToken(origin, challenge, { url: issuer, status: answer.status, headers: answer.contentType === undefined ? {} : { 'content-type': answer.contentType }, text: answer.text });
  }

  private acceptToken(origin: string, challenge: MsRtcOAuthChallenge, res: HttpResponse): void {
    this.authentications++;
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      const body = errorBodySchema.safeParse(safeJson(res.text));
      const code = body.success ? body.data.error : undefined;
      if (code === 'invalid_grant' || res.status !== 400) throw new UcwaError('wrong-credentials', 'The sign-in address or password is wrong.', { status: res.status });
      throw new UcwaError('auth-failed', errorDetail('signInRefused', { reason: code ?? String(res.status) }), { status: res.status });
    }
    if (res.status !== 200) throw httpError(res);
    const parsed = tokenSchema.safeParse(parseJsonBody(res, 'token'));
    if (!parsed.success) throw new UcwaError('malformed-response', 'The server sent a malformed token.');
    const lifetimeMs = (parsed.data.expires_in ?? 3600) * 1000;
    this.redactor.add(parsed.data.access_token);
    const now = this.now();
    this.tokens.set(origin, { token: parsed.data.access_token, expiresAt: now + lifetimeMs, renewAt: now + lifetimeMs * 0.85, challenge });
    this.logger.info('signed in', { origin, expiresInSeconds: parsed.data.expires_in });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Checks the Content-Type before parsing: IIS 401 pages and proxy errors are HTML (§8.4). */
function assertJsonType(res: HttpResponse): void {
  const type = headerValue(res.headers['content-type']) ?? '';
  if (!/json/i.test(type)) throw new UcwaError('not-ucwa', errorDetail('notJson', { host: res.url.host, type: type.split(';')[0] || '-' }));
}

export function parseJsonBody(res: HttpResponse, what: string): unknown {
  assertJsonType(res);
  const value = safeJson(res.text);
  if (value === undefined) throw new UcwaError('malformed-response', `The server sent malformed JSON for the ${what}.`);
  return value;
}

export function httpError(res: HttpResponse): UcwaError {
  const type = headerValue(res.headers['content-type']) ?? '';
  const body = /json/i.test(type) ? errorBodySchema.safeParse(safeJson(res.text)) : undefined;
  const subcode = body?.success ? body.data.subcode : undefined;
  const serverMessage = body?.success ? body.data.message : undefined;
  const retryAfter = Number(headerValue(res.headers['retry-after']));
  const details = { status: res.status, ...(subcode === undefined ? {} : { subcode }), ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
  const path = res.url.pathname;
  if (res.status === 404 && subcode === 'ApplicationNotFound') return new UcwaError('application-gone', errorDetail('applicationGone', {}), details);
  if (res.status === 410) return new UcwaError('gone', `The server says the resource is gone${serverMessage === undefined ? '' : `: ${serverMessage}`}.`, details);
  if (res.status === 404) return new UcwaError('not-found', `Not found: ${path}.`, details);
  return new UcwaError('http', `${res.status}${subcode === undefined ? '' : ` ${subcode}`} from ${path}${serverMessage === undefined ? '' : `: ${serverMessage}`}`, details);
}
