// How the client reaches a server: directly or through a proxy, always verifying certificates
// against the trust built in tls-trust.ts. undici carries everything; a proxy gets CONNECT for
// https (the proxy never sees inside the TLS session).
import { Agent, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import type { DispatcherSource } from './http-transport';
import type { TlsTrust } from './tls-trust';

export interface ProxyCredentials {
  readonly user: string;
  readonly password: string;
}

export type ProxyChoice =
  /** No proxy. */
  | { readonly kind: 'direct' }
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as curl reads them (the CLI). */
  | { readonly kind: 'environment' }
  /** One proxy for everything (--proxy URL). */
  | { readonly kind: 'fixed'; readonly url: string; readonly credentials?: ProxyCredentials | undefined }
  /** Asked per origin (the app: the OS settings and PAC, through Electron); undefined means direct. */
  | { readonly kind: 'per-origin'; readonly resolve: (origin: string) => Promise<ProxyServer | undefined>; readonly credentials?: (proxy: string) => ProxyCredentials | undefined };

export interface ProxyServer {
  /** http://host:port of the proxy. */
  readonly url: string;
}

export interface NetworkRoute {
  readonly source: DispatcherSource;
  /** The proxy an origin goes through (the connection doctor says it), or undefined for direct. */
  proxyFor(origin: string): Promise<string | undefined>;
  close(): Promise<void>;
}

function connectOptions(trust: TlsTrust): { ca?: string[]; rejectUnauthorized: true } {
  return { ...(trust.ca === undefined ? {} : { ca: [...trust.ca] }), rejectUnauthorized: true };
}

/** The user name and password a proxy URL carries (http://user:password@proxy:port), if any. */
export function credentialsInProxyUrl(url: URL): ProxyCredentials | undefined {
  return url.username === '' ? undefined : { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

/** Basic credentials for Proxy-Authorization; never logged (undici sends it only to the proxy). */
export function proxyToken(credentials: ProxyCredentials): string {
  return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
}

function proxyAgent(url: string, trust: TlsTrust, credentials: ProxyCredentials | undefined): ProxyAgent {
  const tls = connectOptions(trust);
  return new ProxyAgent({ uri: url, requestTls: tls, proxyTls: tls, ...(credentials === undefined ? {} : { token: proxyToken(credentials) }) });
}

/** Strips user:password@ from a proxy URL before it is shown anywhere. */
export function displayProxy(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

export function createNetworkRoute(trust: TlsTrust, proxy: ProxyChoice, env: NodeJS.ProcessEnv = process.env): NetworkRoute {
  const route = routeFor(trust, proxy, env);
  // undici throws on a second close of an agent; a route may be closed by a CA change and by sign-out.
  let closing: Promise<void> | undefined;
  return { ...route, close: () => (closing ??= route.close()) };
}

function routeFor(trust: TlsTrust, proxy: ProxyChoice, env: NodeJS.ProcessEnv): NetworkRoute {
  const tls = connectOptions(trust);
  if (proxy.kind === 'direct') {
    const agent = new Agent({ connect: tls });
    return { source: agent, proxyFor: async () => undefined, close: () => agent.close() };
  }
  if (proxy.kind === 'fixed') {
    const agent = proxyAgent(proxy.url, trust, proxy.credentials);
    return { source: agent, proxyFor: async () => displayProxy(proxy.url), close: () => agent.close() };
  }
  if (proxy.kind === 'environment') {
    const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
    const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
    const noProxy = env.NO_PROXY ?? env.no_proxy;
    const agent = new EnvHttpProxyAgent({
      connect: tls,
      requestTls: tls,
      proxyTls: tls,
      ...(httpProxy === undefined ? {} : { httpProxy }),
      ...(httpsProxy === undefined ? {} : { httpsProxy }),
      ...(noProxy === undefined ? {} : { noProxy }),
    });
    return { source: agent, proxyFor: async (origin) => environmentProxy(origin, env), close: () => agent.close() };
  }
  // Per origin: one direct agent, and one agent per proxy (with the credentials it had when made).
  const direct = new Agent({ connect: tls });
  const viaProxy = new Map<string, { agent: Dispatcher; token: string | undefined }>();
  const agentFor = (url: string): Dispatcher => {
    const credentials = proxy.credentials?.(url);
    const token = credentials === undefined ? undefined : proxyToken(credentials);
    const known = viaProxy.get(url);
    if (known !== undefined && known.token === token) return known.agent;
    if (known !== undefined) void known.agent.close();
    const agent = proxyAgent(url, trust, credentials);
    viaProxy.set(url, { agent, token });
    return agent;
  };
  return {
    source: async (url) => {
      const server = await proxy.resolve(url.origin);
      return server === undefined ? direct : agentFor(server.url);
    },
    proxyFor: async (origin) => {
      const server = await proxy.resolve(origin);
      return server === undefined ? undefined : displayProxy(server.url);
    },
    close: async () => {
      await Promise.all([direct.close(), ...[...viaProxy.values()].map((v) => v.agent.close())]);
    },
  };
}

/** The proxy the environment names for an origin, honouring NO_PROXY (for the doctor's report). */
export function environmentProxy(origin: string, env: NodeJS.ProcessEnv): string | undefined {
  const url = environmentProxyUrl(origin, env);
  return url === undefined ? undefined : displayProxy(url);
}

/** As environmentProxy, with any user:password@ kept: for the doctor's own tunnel, never shown. */
export function environmentProxyUrl(origin: string, env: NodeJS.ProcessEnv): string | undefined {
  const url = new URL(origin);
  if (exemptByNoProxy(url, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  const value = url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  return value === undefined || value === '' ? undefined : value;
}

/**
 * NO_PROXY read exactly as undici's EnvHttpProxyAgent reads it (it carries the CLI's requests, this
 * the NTLM legs and the doctor's checks, which must take the same road): entries split by commas and
 * blanks, in any case, a leading `.` or `*.` dropped, a `:port` limiting the entry to that port (the
 * scheme's when the URL names none); `*` alone exempts everything.
 */
function exemptByNoProxy(url: URL, noProxy: string): boolean {
  if (noProxy === '*') return true;
  const host = url.hostname.toLowerCase();
  const port = Number.parseInt(url.port, 10) || (url.protocol === 'https:' ? 443 : 80);
  return noProxy
    .split(/[,\s]/)
    .filter((entry) => entry !== '')
    .some((entry) => {
      const withPort = /^(.+):(\d+)$/.exec(entry);
      const entryHost = (withPort?.[1] ?? entry).replace(/^\*?\./, '').toLowerCase();
      const entryPort = withPort?.[2] === undefined ? 0 : Number.parseInt(withPort[2], 10);
      if (entryPort !== 0 && entryPort !== port) return false;
      return host === entryHost || host.endsWith(`.${entryHost}`);
    });
}
