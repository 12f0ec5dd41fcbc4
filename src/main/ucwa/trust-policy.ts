// Where the user's password and tokens may go (protocol §1.3, §10.3). Like the Skype for Business
// desktop client's check that a discovered server belongs to the sign-in address's domain: only
// https hosts inside the sign-in domain, the typed server's domain, or a domain the user or an
// administrator approved; an IP or loopback server only when typed, and then only that exact host.
// Anything else stops sign-in naming the host, so the user can be asked once.
import { UcwaError } from './errors';
import { isLoopbackHost } from './http-transport';
import { errorDetail, type ErrorDetail } from '../../shared/error-detail';
import { englishDetail } from '../../shared/ipc-failure';

export interface TrustInput {
  /** The sign-in address, user@domain. */
  readonly user: string;
  /** The server the user typed, if any (URL or host). */
  readonly server?: string | undefined;
  /** Approved domains (settings, `--trust-domain`, administrator policy): each covers itself and its subdomains. */
  readonly trustedDomains?: readonly string[] | undefined;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isIpHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return IPV4.test(host) || host.includes(':');
}

/** The domain a typed server name stands for: its parent when it has one (lyncweb.contoso.com → contoso.com). */
export function serverDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const labels = host.split('.');
  return labels.length >= 3 ? labels.slice(1).join('.') : host;
}

function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
}

function inDomain(host: string, domain: string): boolean {
  return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
}

export class CredentialTrust {
  private readonly domains: string[];
  /** What the user or an administrator approved by name: trusted even where it is an IP or loopback. */
  private readonly approved: string[];
  /** host:port of an IP or loopback server the user typed: trusted exactly, nothing around it. */
  private readonly exactHosts: string[];
  /** Once the application exists, everything stays on its origin. */
  private pinned: string | undefined;

  constructor(input: TrustInput) {
    this.domains = [];
    this.approved = [];
    this.exactHosts = [];
    const at = input.user.lastIndexOf('@');
    const userDomain = at >= 0 ? normaliseDomain(input.user.slice(at + 1)) : '';
    if (userDomain !== '') this.domains.push(userDomain);
    const typed = typedServer(input.server);
    if (typed !== undefined) {
      if (isIpHost(typed.hostname) || isLoopbackHost(typed.hostname)) this.exactHosts.push(typed.host.toLowerCase());
      else this.domains.push(serverDomain(typed.hostname));
    }
    for (const domain of input.trustedDomains ?? []) {
      const d = normaliseDomain(domain);
      if (d !== '') this.approved.push(d);
    }
  }

  /** Why `url` may not receive credentials, or undefined when it may. */
  refusal(url: URL): ErrorDetail | undefined {
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (this.pinned !== undefined && url.origin !== this.pinned) return this.offPin(url);
    if (this.exactHosts.includes(url.host.toLowerCase())) return undefined;
    // Plain http reaches only this machine (the transport refuses anything else).
    if (this.approved.some((d) => inDomain(host, d)) && (url.protocol === 'https:' || isLoopbackHost(host))) return undefined;
    if (url.protocol !== 'https:') return errorDetail('notHttps', { origin: url.origin });
    if (isIpHost(host) || isLoopbackHost(host)) return errorDetail('addressNotGiven', { host: url.host });
    if (this.domains.some((d) => inDomain(host, d))) return undefined;
    const domains = [...this.domains, ...this.approved].join(', ');
    return domains === '' ? errorDetail('outsideSignInDomain', { host: url.hostname }) : errorDetail('outsideDomains', { host: url.hostname, domains });
  }

  /** `what` is for the log (the message); the detail says why, for the UI. */
  assertTrusted(url: URL, what: string): void {
    const why = this.refusal(url);
    if (why !== undefined) throw new UcwaError('untrusted-server', `Not sending ${what} to ${url.hostname}: ${englishDetail(why)}`, { host: url.hostname, detail: why });
  }

  /**
   * Where Windows credentials (NTLM/Negotiate) may be answered automatically, in Chromium's
   * allow-list form: each trusted domain and its subdomains, and exact hosts as typed.
   */
  ntlmAllowList(): string[] {
    const domains = [...this.domains, ...this.approved].flatMap((d) => [d, `*.${d}`]);
    const hosts = this.exactHosts.map((h) => h.replace(/:\d+$/, ''));
    return [...new Set([...domains, ...hosts])];
  }

  /** A redirect during discovery may only lead where credentials could go. */
  isTrusted(url: URL): boolean {
    return this.refusal(url) === undefined;
  }

  /** After the application exists: only its origin. */
  assertPinned(url: URL): void {
    if (this.pinned !== undefined && url.origin !== this.pinned) throw new UcwaError('untrusted-server', this.offPin(url), { host: url.hostname });
  }

  private offPin(url: URL): ErrorDetail {
    return errorDetail('notSessionServer', { host: url.host, server: new URL(this.pinned ?? url.origin).host });
  }

  pin(origin: string): void {
    this.pinned = origin;
  }

  unpin(): void {
    this.pinned = undefined;
  }
}

function typedServer(server: string | undefined): URL | undefined {
  if (server === undefined || server.trim() === '') return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(server) ? server : `https://${server}`);
  } catch {
    return undefined;
  }
}
