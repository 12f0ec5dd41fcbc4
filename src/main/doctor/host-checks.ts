// The network steps for one server: its name in DNS, a TCP connection to its port, and its
// certificate. Each returns a finished step; the doctor stops at the first one that fails.
import { isIP } from 'node:net';
import type { DoctorStep } from '../../shared/doctor-report';
import { isLoopbackHost } from '../ucwa/http-transport';
import type { DoctorNetwork, LookupAddress } from './doctor-network';
import { defaultPort } from './doctor-network';
import { ProxyTunnelError, openRoute, proxyOf } from './proxy-tunnel';
import { explainTls } from './tls-explain';
import { probeTls } from './tls-probe';

export interface HostCheckOptions {
  readonly network: DoctorNetwork;
  readonly timeoutMs: number;
  readonly now: () => Date;
}

/** Node's error code, looking through `cause` (undici wraps them). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const record = current as { code?: unknown; cause?: unknown };
    if (typeof record.code === 'string') return record.code;
    current = record.cause;
  }
  return undefined;
}

/** The system resolver has its own, long timeouts: the doctor answers within its own. */
function withTimeout<T>(work: Promise<T>, timeoutMs: number, code: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`), { code })), timeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function checkDns(options: HostCheckOptions, url: URL): Promise<DoctorStep> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const title = `Name lookup of ${host}`;
  if (isIP(host) !== 0) return { kind: 'dns', title, status: 'ok', seen: `${host} is an address: nothing to look up.` };
  // Through a proxy, as sign-in goes: the proxy looks the name up, this computer need not.
  const proxy = await proxyOf(options.network, url).catch(() => undefined);
  if (proxy !== undefined) return { kind: 'dns', title, status: 'ok', seen: `Sign-in reaches ${host} through the proxy ${new URL(proxy.url).host}, which looks the name up itself.` };
  let addresses: readonly LookupAddress[];
  try {
    addresses = await withTimeout(options.network.lookup(host), options.timeoutMs, 'ETIMEOUT');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      return {
        kind: 'dns',
        title,
        status: 'fail',
        seen: `The name ${host} does not exist in DNS (${code}).`,
        fix: `Check the server address. If ${host} only exists inside your company, connect to the company network or VPN first.`,
        problem: 'dns-not-found',
      };
    }
    return { kind: 'dns', title, status: 'fail', seen: `The name lookup of ${host} failed: ${code ?? reason(error)}.`, fix: 'Check that this computer is connected to a network, then try again.', problem: 'dns-failed' };
  }
  if (addresses.length === 0) return { kind: 'dns', title, status: 'fail', seen: `${host} has no address in DNS.`, fix: `Check the server address; ask IT whether ${host} is the right name.`, problem: 'dns-not-found' };
  return { kind: 'dns', title, status: 'ok', seen: `${host} is at ${addresses.map((a) => a.address).join(', ')}.` };
}

export async function checkTcp(options: HostCheckOptions, url: URL): Promise<DoctorStep> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = defaultPort(url);
  const title = `Connection to ${host} port ${port}`;
  try {
    const socket = await openRoute(options.network, url, options.timeoutMs);
    socket.destroy();
    const proxy = await proxyOf(options.network, url).catch(() => undefined);
    return { kind: 'tcp', title, status: 'ok', seen: proxy === undefined ? `${host} accepts connections on port ${port}.` : `${host} accepts connections on port ${port} through the proxy ${new URL(proxy.url).host}.` };
  } catch (error) {
    if (error instanceof ProxyTunnelError) return proxyStep(title, host, port, error);
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') {
      return { kind: 'tcp', title, status: 'fail', seen: `Connection refused (${code}).`, fix: `Nothing answers on port ${port} of ${host}: the server is down, or this is not its address.`, problem: 'refused' };
    }
    if (code === 'ETIMEDOUT') {
      return {
        kind: 'tcp',
        title,
        status: 'fail',
        seen: `No answer on port ${port} within ${Math.round(options.timeoutMs / 1000)} s.`,
        fix: `${host} does not answer on port ${port}: a firewall may be blocking it, or it is reachable only from the company network (connect to it or the VPN).`,
        problem: 'tcp-timeout',
      };
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
      return { kind: 'tcp', title, status: 'fail', seen: `There is no route to ${host} (${code}).`, fix: 'Check this computer\'s network connection, or connect to the company network or VPN.', problem: 'no-route' };
    }
    return { kind: 'tcp', title, status: 'fail', seen: `The connection failed: ${code ?? reason(error)}.`, fix: `Check the server address and this computer's network connection.`, problem: 'tcp-failed' };
  }
}

export async function checkTls(options: HostCheckOptions, url: URL): Promise<DoctorStep> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const title = `Certificate of ${host}`;
  if (url.protocol !== 'https:') {
    if (isLoopbackHost(host)) return { kind: 'tls', title, status: 'ok', seen: `Plain http to this computer (${url.host}): allowed only for a local server such as the built-in simulator.` };
    return {
      kind: 'tls',
      title,
      status: 'fail',
      seen: `${url.origin} is plain http, without encryption.`,
      fix: `The app sends your password only over https: use https://${url.host} (ask IT for the right address).`,
      problem: 'insecure-transport',
    };
  }
  try {
    const explained = explainTls(await probeTls(options.network, url, options.timeoutMs), options.now());
    return { kind: 'tls', title, ...explained };
  } catch (error) {
    const code = errorCode(error);
    return {
      kind: 'tls',
      title,
      status: 'fail',
      seen: `The secure (TLS) handshake with ${url.host} failed: ${code ?? reason(error)}.`,
      fix: `${url.host} accepts connections but does not complete a secure handshake: it may not be a web server for https on this port, or something in between (a proxy) interferes. Show this to IT.`,
      problem: 'tls-handshake',
    };
  }
}

/** The proxy sign-in goes through would not open the tunnel: said as such, never as "cannot reach". */
function proxyStep(title: string, host: string, port: number, error: ProxyTunnelError): DoctorStep {
  if (error.status === 407) {
    return {
      kind: 'tcp',
      title,
      status: 'fail',
      seen: `The proxy ${error.proxy} wants a user name and password (407).`,
      fix: 'Sign in once and give the proxy’s user name and password when asked (in the command line: --proxy http://user:password@proxy:port).',
      problem: 'proxy-auth-required',
    };
  }
  return {
    kind: 'tcp',
    title,
    status: 'fail',
    seen: `The proxy ${error.proxy} refused to connect to ${host}:${port} (${error.status}).`,
    fix: 'Ask IT whether this server may be reached through the proxy.',
    problem: 'proxy-refused',
  };
}
