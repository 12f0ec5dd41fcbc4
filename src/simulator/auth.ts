// Authentication (protocol §1.4, §2): the 401 challenge, the WebTicket token endpoint with the
// password grant, and bearer tokens that expire.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Directory, SimUser } from './directory';
import { sendJson } from './wire';

export const TOKEN_PATH = '/WebTicket/oauthtoken';

interface TokenRecord {
  readonly user: SimUser;
  readonly expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly lifetimeSeconds: number,
    /** A user signing in again and again keeps at most this many tokens; the oldest goes first. */
    private readonly maxPerUser = 50,
  ) {}

  get size(): number {
    return this.tokens.size;
  }

  issue(user: SimUser): { token: string; expiresIn: number } {
    const token = `cwt=${randomBytes(24).toString('base64url')}`;
    const mine = [...this.tokens].filter(([, record]) => record.user === user);
    // Map order is issue order, so the first of mine are the oldest.
    for (const [old] of mine.slice(0, Math.max(0, mine.length - this.maxPerUser + 1))) this.tokens.delete(old);
    this.tokens.set(token, { user, expiresAt: Date.now() + this.lifetimeSeconds * 1000 });
    return { token, expiresIn: this.lifetimeSeconds };
  }

  /** Forgets expired tokens (the sweeper calls it; a token is otherwise dropped only when used). */
  prune(now = Date.now()): void {
    for (const [token, record] of this.tokens) if (record.expiresAt <= now) this.tokens.delete(token);
  }

  /** The user behind `Authorization: Bearer cwt=…`, if the token is known and alive. */
  authenticate(req: IncomingMessage): SimUser | undefined {
    const header = req.headers.authorization;
    if (header === undefined) return undefined;
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match?.[1] === undefined) return undefined;
    const record = this.tokens.get(match[1]);
    if (record === undefined) return undefined;
    if (record.expiresAt <= Date.now()) {
      this.tokens.delete(match[1]);
      return undefined;
    }
    return record.user;
  }

  expireUser(uri: string): number {
    let count = 0;
    for (const [token, record] of this.tokens) {
      if (record.user.uri.toLowerCase() === uri.toLowerCase()) {
        this.tokens.delete(token);
        count++;
      }
    }
    return count;
  }
}

export function sendChallenge(res: ServerResponse, origin: string, grants = 'urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password'): void {
  res.writeHead(401, {
    'Content-Type': 'text/html',
    // Two challenges, as the server sends them; some stacks merge them into one header (§1.4).
    'WWW-Authenticate': [
      'Bearer trusted_issuers="00000002-0000-0ff1-ce00-000000000000@contoso.com", client_id="00000004-0000-0ff1-ce00-000000000000"',
      `MsRtcOAuth href="${origin}${TOKEN_PATH}",grant_type="${grants}"`,
    ],
  });
  res.end('<html><head><title>401 - Unauthorized</title></head><body><h1>401 - Unauthorized: Access is denied due to invalid credentials.</h1></body></html>');
}

/** `POST /WebTicket/oauthtoken` with an application/x-www-form-urlencoded body (§2.2, §2.3). */
export function handleTokenRequest(body: string, contentType: string | undefined, directory: Directory, tokens: TokenStore, res: ServerResponse, passwordAllowed = true): void {
  if (contentType === undefined || !contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    sendJson(res, 400, { error: 'invalid_request' });
    return;
  }
  const form = new URLSearchParams(body);
  const grant = form.get('grant_type');
  if (grant !== 'password' || !passwordAllowed) {
    sendJson(res, 400, { error: 'unsupported_grant_type' });
    return;
  }
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  const user = directory.findUser(username);
  if (user === undefined || user.password !== password) {
    sendJson(res, 400, { error: 'invalid_grant' }, { 'X-Ms-diagnostics': '28000;reason="Invalid credentials"' });
    return;
  }
  const { token, expiresIn } = tokens.issue(user);
  sendJson(res, 200, { access_token: token, expires_in: expiresIn, ms_rtc_identityscope: 'local', token_type: 'Bearer' });
}
