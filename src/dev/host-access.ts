// Who may use the web dev host: this machine's browser, holding the secret from the printed URL.
// The URL's token is traded on first use for an HttpOnly, SameSite=Strict cookie and a redirect to
// the same page without it, so the token does not stay in the address bar, in history or in the
// pages' own URLs; pages, files and the socket then need the cookie. The token itself stays valid
// for the host's life (the developer may open the printed URL again, in another browser too).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_BRIDGE_QUERY } from '../shared/web-bridge-protocol';

/** Equal secrets, compared in constant time whatever their lengths (hashed first). */
export function sameSecret(offered: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(offered), digest(expected));
}

export type Verdict = { readonly kind: 'allowed' } | { readonly kind: 'refused'; readonly reason: string };

/** A page request may also bring the token: set the cookie and send the browser to `location`. */
export type Access = Verdict | { readonly kind: 'trade-token'; readonly location: string; readonly setCookie: string };

export class HostAccess {
  readonly token = randomBytes(24).toString('base64url');
  private readonly session = randomBytes(32).toString('base64url');
  /** One cookie name per port: cookies are not kept apart by port, two hosts on 127.0.0.1 would clash. */
  private readonly cookieName: string;
  private readonly hosts: ReadonlySet<string>;
  private readonly origins: ReadonlySet<string>;

  constructor(port: number) {
    this.cookieName = `ucwa-dev-${port}`;
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  }

  /** A page or file request: the token (once, traded for the cookie) or the cookie. */
  page(request: IncomingMessage): Access {
    // A Host that is not ours is DNS rebinding: some other site's name pointing at us.
    if (!this.hosts.has(request.headers.host ?? '')) return { kind: 'refused', reason: 'host' };
    const url = new URL(request.url ?? '/', 'http://host');
    const token = url.searchParams.get(WEB_BRIDGE_QUERY.token);
    if (token !== null) {
      if (!sameSecret(token, this.token)) return { kind: 'refused', reason: 'token' };
      url.searchParams.delete(WEB_BRIDGE_QUERY.token);
      return { kind: 'trade-token', location: `${url.pathname}${url.search}`, setCookie: `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/` };
    }
    return this.hasCookie(request) ? { kind: 'allowed' } : { kind: 'refused', reason: 'cookie' };
  }

  /** The WebSocket upgrade: our path, our cookie, and our own Origin and Host. */
  socket(request: IncomingMessage, path: string): Verdict {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== path) return { kind: 'refused', reason: 'path' };
    if (!this.hosts.has(request.headers.host ?? '')) return { kind: 'refused', reason: 'host' };
    if (!this.origins.has(request.headers.origin ?? '')) return { kind: 'refused', reason: 'origin' };
    return this.hasCookie(request) ? { kind: 'allowed' } : { kind: 'refused', reason: 'cookie' };
  }

  /** The Cookie header that carries our session (for clients that are not browsers: tests). */
  cookieHeader(): string {
    return `${this.cookieName}=${this.session}`;
  }

  private hasCookie(request: IncomingMessage): boolean {
    const prefix = `${this.cookieName}=`;
    const offered = (request.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(prefix));
    return offered !== undefined && sameSecret(offered.slice(prefix.length), this.session);
  }
}
