// The doctor's way onto the network: name lookup and TCP connect as a port, so tests (and anyone
// checking one front end behind a load balancer) can say where a name really goes. The HTTP steps
// use the same port through an undici dispatcher that always verifies TLS: the only unverified
// connection the doctor makes is the certificate probe, which sends nothing.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import type { ProxyCredentials } from '../ucwa/index';

export interface LookupAddress {
  readonly address: string;
  readonly family: number;
}

export interface DoctorProxy {
  /** http(s)://host:port of the proxy; credentials in the URL are used and never shown. */
  readonly url: string;
  readonly credentials?: ProxyCredentials | undefined;
}

export interface DoctorNetwork {
  lookup(hostname: string): Promise<readonly LookupAddress[]>;
  /** A TCP connection to `address:port`, resolved once connected. */
  connect(address: string, port: number, timeoutMs: number): Promise<Socket>;
  /** Certificate authorities to trust instead of Node's own (tests); absent: Node's, with NODE_EXTRA_CA_CERTS. */
  readonly ca?: string | readonly string[] | undefined;
  /** The proxy sign-in takes to an origin (proxy-tunnel.ts); absent or undefined: direct. */
  readonly proxyFor?: ((origin: string) => Promise<DoctorProxy | undefined>) | undefined;
}

export class ConnectTimeoutError extends Error {
  override readonly name = 'ConnectTimeoutError';
  readonly code = 'ETIMEDOUT';
}

export const systemNetwork: DoctorNetwork = {
  lookup: async (hostname) => (await dnsLookup(hostname, { all: true })).map(({ address, family }) => ({ address, family })),
  connect: (address, port, timeoutMs) => connectSocket(() => netConnect({ host: address, port }), timeoutMs),
};

/** Opens a socket and waits for it to connect, or fails with its error or a timeout. */
export function connectSocket(open: () => Socket, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = open();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ConnectTimeoutError(`no answer within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Resolves a host (an IP is its own address) and connects to its first address that answers. */
export async function openTcp(network: DoctorNetwork, hostname: string, port: number, timeoutMs: number): Promise<Socket> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await network.lookup(host);
  let lastError: unknown = new Error(`${host} has no address`);
  for (const { address } of addresses) {
    try {
      return await network.connect(address, port, timeoutMs);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

export function defaultPort(url: URL): number {
  return url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
}

/** TLS over an open socket; `verify: false` only for reading the certificate (nothing is sent). */
export function startTls(network: DoctorNetwork, socket: Socket, servername: string, verify: boolean, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({
      socket,
      // `host` names what the certificate must match; SNI carries names only, never an IP.
      host: servername,
      ...(isIP(servername) === 0 ? { servername } : {}),
      ...(network.ca === undefined ? {} : { ca: typeof network.ca === 'string' ? network.ca : [...network.ca] }),
      rejectUnauthorized: verify,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      secure.destroy();
      reject(new ConnectTimeoutError(`no TLS handshake within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      secure.removeAllListeners('error');
      resolve(secure);
    });
    secure.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** An undici dispatcher over the doctor's network that verifies every certificate (and its name). */
export function verifiedDispatcher(network: DoctorNetwork, timeoutMs: number, open: (url: URL) => Promise<Socket> = (url) => openTcp(network, url.hostname.replace(/^\[|\]$/g, ''), defaultPort(url), timeoutMs)): Dispatcher {
  return new Agent({
    connect: (options, callback) => {
      const port = options.port === '' ? '' : `:${options.port}`;
      open(new URL(`${options.protocol}//${options.hostname.includes(':') && !options.hostname.startsWith('[') ? `[${options.hostname}]` : options.hostname}${port}`))
        .then((socket): Promise<Socket> => (options.protocol === 'https:' ? startTls(network, socket, options.servername ?? options.hostname, true, timeoutMs) : Promise.resolve(socket)))
        .then(
          (socket) => callback(null, socket),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
        );
    },
  });
}
