// The network steps for one server: its name in DNS, a TCP connection to its port, and its
// certificate. Each returns a finished step; the doctor stops at the first one that fails.
import { isIP } from 'node:net';
import { said, type DoctorStep, type DoctorText } from '../../shared/doctor-report';
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
  const title = said('doctor.title.dns', { host });
  if (isIP(host) !== 0) return { kind: 'dns', title, status: 'ok', seen: [said('doctor.dns.isAddress', { host })] };
  // Through a proxy, as sign-in goes: the proxy looks the name up, this computer need not.
  const proxy = await proxyOf(options.network, url).catch(() => undefined);
  if (proxy !== undefined) return { kind: 'dns', title, status: 'ok', seen: [said('doctor.dns.throughProxy', { host, proxy: new URL(proxy.url).host })] };
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
        seen: [said('doctor.dns.notFound', { host, code })],
        fix: [said('doctor.dns.notFoundFix', { host })],
        problem: 'dns-not-found',
      };
    }
    return { kind: 'dns', title, status: 'fail', seen: [said('doctor.dns.failed', { host, reason: code ?? reason(error) })], fix: [said('doctor.dns.failedFix')], problem: 'dns-failed' };
  }
  if (addresses.length === 0) return { kind: 'dns', title, status: 'fail', seen: [said('doctor.dns.noAddress', { host })], fix: [said('doctor.dns.noAddressFix', { host })], problem: 'dns-not-found' };
  return { kind: 'dns', title, status: 'ok', seen: [said('doctor.dns.ok', { host, addresses: addresses.map((a) => a.address).join(', ') })] };
}

export async function checkTcp(options: HostCheckOptions, url: URL): Promise<DoctorStep> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = defaultPort(url);
  const title = said('doctor.title.tcp', { host, port });
  try {
    const socket = await openRoute(options.network, url, options.timeoutMs);
    socket.destroy();
    const proxy = await proxyOf(options.network, url).catch(() => undefined);
    return { kind: 'tcp', title, status: 'ok', seen: [proxy === undefined ? said('doctor.tcp.ok', { host, port }) : said('doctor.tcp.okThroughProxy', { host, port, proxy: new URL(proxy.url).host })] };
  } catch (error) {
    if (error instanceof ProxyTunnelError) return proxyStep(title, host, port, error);
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') {
      return { kind: 'tcp', title, status: 'fail', seen: [said('doctor.tcp.refused', { code })], fix: [said('doctor.tcp.refusedFix', { host, port })], problem: 'refused' };
    }
    if (code === 'ETIMEDOUT') {
      return {
        kind: 'tcp',
        title,
        status: 'fail',
        seen: [said('doctor.tcp.timeout', { port, seconds: Math.round(options.timeoutMs / 1000) })],
        fix: [said('doctor.tcp.timeoutFix', { host, port })],
        problem: 'tcp-timeout',
      };
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
      return { kind: 'tcp', title, status: 'fail', seen: [said('doctor.tcp.noRoute', { host, code })], fix: [said('doctor.tcp.noRouteFix')], problem: 'no-route' };
    }
    return { kind: 'tcp', title, status: 'fail', seen: [said('doctor.tcp.failed', { reason: code ?? reason(error) })], fix: [said('doctor.tcp.failedFix')], problem: 'tcp-failed' };
  }
}

export async function checkTls(options: HostCheckOptions, url: URL): Promise<DoctorStep> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const title = said('doctor.title.tls', { host });
  if (url.protocol !== 'https:') {
    if (isLoopbackHost(host)) return { kind: 'tls', title, status: 'ok', seen: [said('doctor.tls.localHttp', { host: url.host })] };
    return {
      kind: 'tls',
      title,
      status: 'fail',
      seen: [said('doctor.tls.plainHttp', { origin: url.origin })],
      fix: [said('doctor.tls.plainHttpFix', { host: url.host })],
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
      seen: [said('doctor.tls.handshake', { host: url.host, reason: code ?? reason(error) })],
      fix: [said('doctor.tls.handshakeFix', { host: url.host })],
      problem: 'tls-handshake',
    };
  }
}

/** The proxy sign-in goes through would not open the tunnel: said as such, never as "cannot reach". */
function proxyStep(title: DoctorText, host: string, port: number, error: ProxyTunnelError): DoctorStep {
  if (error.status === 407) {
    return { kind: 'tcp', title, status: 'fail', seen: [said('doctor.tcp.proxyAuth', { proxy: error.proxy })], fix: [said('doctor.tcp.proxyAuthFix')], problem: 'proxy-auth-required' };
  }
  return { kind: 'tcp', title, status: 'fail', seen: [said('doctor.tcp.proxyRefused', { proxy: error.proxy, host, port, status: error.status })], fix: [said('doctor.tcp.proxyRefusedFix')], problem: 'proxy-refused' };
}
