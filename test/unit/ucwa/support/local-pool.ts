// A small UCWA pool on loopback HTTP, reached through the real AuthenticatedHttp and HttpTransport:
// answers chosen per path, every request recorded as the server saw it (method, path, headers).
// For the people tests that need what travels on the wire: headers, sizes, bodies that are not JSON.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticatedHttp } from '../../../../src/main/ucwa/authenticated-http';
import { HttpTransport } from '../../../../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger, silentSink } from '../../../../src/main/ucwa/logger';
import { CredentialTrust } from '../../../../src/main/ucwa/trust-policy';

export const APP = '/ucwa/oauth/v1/applications/101';

export interface SeenRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export interface Answer {
  readonly status?: number;
  /** Content-Type; application/json unless said otherwise. */
  readonly type?: string;
  /** An object is sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface LocalPool {
  readonly origin: string;
  readonly http: AuthenticatedHttp;
  /** `METHOD /path` (no query) → answer; anything else is a 404. */
  readonly answers: Map<string, Answer | ((seen: SeenRequest) => Answer)>;
  readonly requests: SeenRequest[];
  url(path: string): URL;
  close(): Promise<void>;
}

export async function startLocalPool(): Promise<LocalPool> {
  const answers = new Map<string, Answer | ((seen: SeenRequest) => Answer)>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const seen: SeenRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers };
      requests.push(seen);
      const found = answers.get(`${seen.method} ${seen.path.split('?')[0] ?? ''}`);
      const answer: Answer = found === undefined ? { status: 404, body: { code: 'NotFound', message: 'No such resource.' } } : typeof found === 'function' ? found(seen) : found;
      const body = answer.body === undefined ? '' : Buffer.isBuffer(answer.body) || typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'Content-Type': answer.type ?? 'application/json', ...answer.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const logger = createLogger('test', silentSink, new SecretRedactor());
  const http = new AuthenticatedHttp(new HttpTransport(undefined, logger), { user: 'ana@contoso.com', password: 'x' }, new SecretRedactor(), logger, new CredentialTrust({ user: 'ana@contoso.com' }));
  return {
    origin,
    http,
    answers,
    requests,
    url: (path) => new URL(path, origin),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
