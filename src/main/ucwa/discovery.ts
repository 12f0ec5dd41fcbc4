// Autodiscovery (protocol §1): from an explicit server URL, or from the user's domain
// (lyncdiscoverinternal, then lyncdiscover); follows `redirect` links and HTTP redirects with a hop
// limit and the §1.3 host check; the authenticated second pass yields the `applications` URL.
import type { AuthenticatedHttp } from './authenticated-http';
import { parseJsonBody } from './authenticated-http';
import { UcwaError, isUcwaError } from './errors';
import { headerValue } from './http-transport';
import type { HttpTransport } from './http-transport';
import type { Logger } from './logger';
import { Resource } from './resource';
import type { CredentialTrust } from './trust-policy';
import { errorDetail } from '../../shared/error-detail';

export const MAX_DISCOVERY_HOPS = 5;
const ROOT_PATH = '/autodiscover/autodiscoverservice.svc/root';

export interface DiscoveryInput {
  readonly server?: string;
  /** The sign-in address; its domain seeds discovery and bounds redirects. */
  readonly user: string;
}

/** A bare host means its autodiscover root; a URL with a path is used as given. */
export function discoveryCandidates(input: DiscoveryInput): URL[] {
  if (input.server !== undefined) {
    let url: URL;
    try {
      url = new URL(input.server);
    } catch {
      throw new UcwaError('not-ucwa', errorDetail('notServerUrl', { server: input.server }));
    }
    if (url.pathname === '/' || url.pathname === '') url = new URL(ROOT_PATH, url);
    return [url];
  }
  const domain = userDomain(input.user);
  return [new URL(`https://lyncdiscoverinternal.${domain}/`), new URL(`https://lyncdiscover.${domain}/`)];
}

export function userDomain(user: string): string {
  const at = user.lastIndexOf('@');
  const domain = at >= 0 ? user.slice(at + 1).trim().toLowerCase() : '';
  if (domain === '' || !/^[a-z0-9.-]+$/.test(domain)) throw new UcwaError('not-ucwa', errorDetail('noDomain', {}));
  return domain;
}

export class Discovery {
  constructor(
    private readonly transport: HttpTransport,
    private readonly http: AuthenticatedHttp,
    private readonly logger: Logger,
    private readonly trust: CredentialTrust,
  ) {}

  /** Returns the `applications` URL for the user. */
  async discover(input: DiscoveryInput): Promise<URL> {
    const candidates = discoveryCandidates(input);
    let lastError: unknown;
    for (const candidate of candidates) {
      try {
        const userUrl = await this.findUserLink(candidate);
        return await this.findApplications(userUrl);
      } catch (error) {
        // A candidate that does not answer is skipped; a wrong password is final (§1.1).
        if (isUcwaError(error, 'wrong-credentials', 'insecure-transport', 'auth-failed')) throw error;
        this.logger.info('discovery candidate failed', { candidate: candidate.origin, reason: error instanceof Error ? error.message : String(error) });
        // A server outside the trusted set is what the user needs to hear about, not a later timeout.
        if (!isUcwaError(lastError, 'untrusted-server')) lastError = error;
      }
    }
    throw lastError ?? new UcwaError('unreachable', errorDetail('noDiscoveryAnswer', {}));
  }

  /** The unauthenticated pass: the autodiscover root (and its redirects) to the `user` link. Public for the connection doctor. */
  async findUserLink(start: URL): Promise<URL> {
    let url = start;
    for (let hop = 0; hop <= MAX_DISCOVERY_HOPS; hop++) {
      const res = await this.transport.send({ method: 'GET', url, headers: { Accept: 'application/json' } });
      if (res.status >= 300 && res.status < 400) {
        url = this.nextHop(url, headerValue(res.headers.location));
        continue;
      }
      if (res.status === 404) throw new UcwaError('not-ucwa', errorDetail('noAutodiscover', { host: url.host }), { status: 404 });
      if (res.status === 410) throw new UcwaError('gone', errorDetail('cannotRedirectUser', { host: url.host }), { status: 410 });
      if (res.status !== 200) throw new UcwaError('not-ucwa', errorDetail('autodiscoverStatus', { host: url.host, status: res.status }), { status: res.status });
      const root = Resource.parse(parseJsonBody(res, 'autodiscover root'), url, 'autodiscover root');
      const user = root.link('user');
      if (user !== undefined) return user.url;
      const redirect = root.link('redirect');
      if (redirect === undefined) throw new UcwaError('not-ucwa', errorDetail('autodiscoverNoUserLink', { host: url.host }));
      url = this.nextHop(url, redirect.url.href);
    }
    throw new UcwaError('not-ucwa', errorDetail('tooManyRedirects', { max: MAX_DISCOVERY_HOPS }));
  }

  /** The authenticated pass: the `user` resource (token on the first 401) to the `applications` link. Public for the connection doctor. */
  async findApplications(start: URL): Promise<URL> {
    let userUrl = start;
    for (let hop = 0; hop <= MAX_DISCOVERY_HOPS; hop++) {
      // The first GET answers 401 with the challenge; AuthenticatedHttp obtains a token for this
      // origin and repeats it (§1.4, §1.5). A new host after a redirect gets its own token (§10.3).
      const user = await this.http.getResource(userUrl, 'user resource');
      const applications = user.link('applications');
      if (applications !== undefined) return applications.url;
      const redirect = user.link('redirect');
      if (redirect === undefined) throw new UcwaError('not-ucwa', errorDetail('userResourceNoLink', {}));
      const root = this.nextHop(userUrl, redirect.url.href);
      userUrl = await this.findUserLink(root);
    }
    throw new UcwaError('not-ucwa', errorDetail('tooManyRedirects', { max: MAX_DISCOVERY_HOPS }));
  }

  /** §1.3: a redirect is followed only where credentials could go (https, inside the trusted domains). */
  private nextHop(from: URL, location: string | undefined): URL {
    if (location === undefined) throw new UcwaError('not-ucwa', errorDetail('redirectWithoutLocation', { host: from.host }));
    const target = new URL(location, from);
    const refusal = this.trust.refusal(target);
    if (refusal !== undefined) throw new UcwaError('untrusted-server', refusal, { host: target.hostname });
    this.logger.info('discovery redirect', { from: from.origin, to: target.origin });
    return target;
  }
}
