// The doctor takes the route sign-in takes (issue #14): where sign-in goes through a proxy, the
// doctor's connection, certificate probe and requests go through a CONNECT tunnel of the same
// proxy (with its credentials, when the app has them), so what it reports is what sign-in meets —
// including a proxy that refuses the host or wants a password. The proxy looks the server's name
// up itself, as it does for sign-in.
import type { Socket } from 'node:net';
import type { ProxyCredentials } from '../ucwa/index';
import { credentialsInProxyUrl, proxyToken } from '../ucwa/index';
import type { DoctorNetwork, DoctorProxy } from './doctor-network';
import { ConnectTimeoutError, defaultPort, openTcp, startTls } from './doctor-network';

/** The proxy answered CONNECT with something other than 200. */
export class ProxyTunnelError extends Error {
  override readonly name = 'ProxyTunnelError';
  readonly code = 'EPROXYREFUSED';

  constructor(
    /** host:port of the proxy (no credentials). */
    readonly proxy: string,
    readonly status: number,
  ) {
    super(`the proxy ${proxy} answered CONNECT with ${status}`);
  }
}

/** Most proxies answer CONNECT in a few hundred bytes; anything this long is not a proxy. */
const MAX_ANSWER_BYTES = 16 * 1024;

/** The proxy for a URL, when the network has one for its origin. */
export async function proxyOf(network: DoctorNetwork, url: URL): Promise<DoctorProxy | undefined> {
  return network.proxyFor === undefined ? undefined : network.proxyFor(url.origin);
}

/** A connection to `url`'s host and port: through the proxy sign-in would use, or direct. */
export async function openRoute(network: DoctorNetwork, url: URL, timeoutMs: number): Promise<Socket> {
  const proxy = await proxyOf(network, url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (proxy === undefined) return openTcp(network, host, defaultPort(url), timeoutMs);
  return openTunnel(network, proxy, url.hostname, defaultPort(url), timeoutMs);
}

export function credentialsOf(proxy: DoctorProxy): ProxyCredentials | undefined {
  if (proxy.credentials !== undefined) return proxy.credentials;
  return credentialsInProxyUrl(new URL(proxy.url));
}

export async function openTunnel(network: DoctorNetwork, proxy: DoctorProxy, hostname: string, port: number, timeoutMs: number): Promise<Socket> {
  const proxyUrl = new URL(proxy.url);
  const proxyHost = proxyUrl.hostname.replace(/^\[|\]$/g, '');
  const plain = await openTcp(network, proxyHost, defaultPort(proxyUrl), timeoutMs);
  const socket: Socket = proxyUrl.protocol === 'https:' ? await startTls(network, plain, proxyHost, true, timeoutMs) : plain;
  const target = `${hostname}:${port}`;
  const credentials = credentialsOf(proxy);
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${credentials === undefined ? '' : `Proxy-Authorization: ${proxyToken(credentials)}\r\n`}\r\n`);
  const status = await readConnectAnswer(socket, proxyUrl.host, timeoutMs);
  if (status !== 200) {
    socket.destroy();
    throw new ProxyTunnelError(proxyUrl.host, status);
  }
  return socket;
}

/** Reads the proxy's answer head; bytes after it (none, for a tunnel) are put back. */
function readConnectAnswer(socket: Socket, proxy: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const done = (outcome: () => void): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) {
        if (received.length > MAX_ANSWER_BYTES) done(() => reject(new Error(`the proxy ${proxy} did not answer CONNECT like a proxy`)));
        return;
      }
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received.subarray(0, end).toString('latin1'));
      const rest = received.subarray(end + 4);
      done(() => {
        if (rest.length > 0) socket.unshift(rest);
        if (match?.[1] === undefined) reject(new Error(`the proxy ${proxy} did not answer CONNECT like a proxy`));
        else resolve(Number(match[1]));
      });
    };
    const onError = (error: Error): void => done(() => reject(error));
    const onClose = (): void => done(() => reject(Object.assign(new Error(`the proxy ${proxy} closed the connection`), { code: 'ECONNRESET' })));
    const timer = setTimeout(() => {
      socket.destroy();
      done(() => reject(new ConnectTimeoutError(`the proxy ${proxy} did not answer within ${Math.round(timeoutMs / 1000)} s`)));
    }, timeoutMs);
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}
