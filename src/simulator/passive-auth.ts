// A minimal passive (ADFS-style) sign-in (protocol §2.5): the token service answers the passive
// grant without a federation cookie with 400 invalid_grant and `ms_rtc_passiveauthuri`; that page
// is a plain login form which, given a directory user's password, sets the cookie; the same token
// POST with the cookie then gets the token. (A real IdP adds MFA and redirects; the contract with
// the client — a page that ends with a cookie — is the same.)
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Directory, SimUser } from './directory';
import type { TokenStore } from './auth';
import { sendJson } from './wire';

export const PASSIVE_PATH = '/PassiveAuth/PassiveAuth.aspx';
export const FEDERATION_COOKIE = 'SimFedAuth';

export class PassiveSignIn {
  private readonly sessions = new Map<string, SimUser>();

  constructor(
    private readonly directory: Directory,
    private readonly tokens: TokenStore,
    private readonly secure: boolean,
  ) {}

  /** The token POST with grant_type=urn:microsoft.rtc:passive. */
  token(req: IncomingMessage, res: ServerResponse, publicUrl: string): void {
    const user = this.sessions.get(cookie(req, FEDERATION_COOKIE) ?? '');
    if (user === undefined) return sendJson(res, 400, { error: 'invalid_grant', ms_rtc_passiveauthuri: `${publicUrl}${PASSIVE_PATH}` });
    const issued = this.tokens.issue(user);
    sendJson(res, 200, { access_token: issued.token, expires_in: issued.expiresIn, ms_rtc_identityscope: 'local', token_type: 'Bearer' });
  }

  /** GET shows the form; POST checks it and sets the federation cookie. */
  page(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.method === 'POST') {
      const form = new URLSearchParams(body);
      const user = this.directory.findUser(form.get('username') ?? '');
      if (user === undefined || user.password !== (form.get('password') ?? '')) return this.form(res, 'The user name or password is incorrect.');
      const id = randomBytes(18).toString('base64url');
      this.sessions.set(id, user);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Set-Cookie': `${FEDERATION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${this.secure ? '; Secure' : ''}`,
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end('<!doctype html><title>Signed in</title><h1 id="signed-in">You are signed in.</h1><p>You can close this window.</p>');
      return;
    }
    this.form(res);
  }

  private form(res: ServerResponse, error?: string): void {
    res.writeHead(error === undefined ? 200 : 401, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" });
    res.end(`<!doctype html><html lang="en"><title>Contoso sign-in</title><h1>Sign in to Contoso</h1>${error === undefined ? '' : `<p role="alert">${error}</p>`}
<form method="post" action="${PASSIVE_PATH}"><label>User name <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label><button type="submit">Sign in</button></form></html>`);
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
