// A real HTTP proxy for tests: TooTallNate's `proxy` (the server half of the proxy-agents family
// undici's own tests use), on a free loopback port. It records every CONNECT, can demand Basic
// credentials (407) and can refuse hosts (403), as company proxies do.
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createProxy } from 'proxy';

export interface TestProxy {
  readonly url: string;
  /** host:port of every CONNECT the proxy let through. */
  readonly tunnels: string[];
  /** Every request the proxy saw, refused ones included. */
  readonly attempts: string[];
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** Demand these credentials (Proxy-Authorization: Basic). */
  readonly credentials?: { readonly user: string; readonly password: string };
  /** Refuse CONNECT to these host names with 403. */
  readonly refuseHosts?: readonly string[];
  /** Names only the proxy can resolve (a company's internal DNS): name → address it connects to. */
  readonly hosts?: Readonly<Record<string, string>>;
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const server = createProxy(createServer());
  const tunnels: string[] = [];
  const attempts: string[] = [];
  if (options.credentials !== undefined) {
    const expected = `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`;
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  // The proxy's own CONNECT handler runs only for hosts that are not refused.
  const [onConnect] = server.listeners('connect') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('connect');
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = req.url ?? '';
    attempts.push(target);
    const host = target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (options.refuseHosts?.includes(host) === true) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.once('data', () => tunnels.push(target));
    const address = options.hosts?.[host];
    if (address !== undefined) req.url = target.replace(host, address);
    onConnect?.call(server, req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    attempts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
