// A small UCWA server answering for many host names at once (all reached through one loopback
// port), whose links can be pointed at a host of the test's choice — the hostile server of the
// credential-trust tests. It records every request, so a test can prove what never arrived where.
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Agent } from 'undici';
import { loopbackAgent, selfSignedCertificate } from './tls';

export const HOSTS = ['lyncdiscover.contoso.com', 'pool.contoso.com', 'pool2.contoso.com', 'evil.example.net'] as const;
const ROOT = '/autodiscover/autodiscoverservice.svc/root';

export interface LinkTargets {
  /** Each is an origin (https://host) the named link or answer points at. */
  readonly rootRedirect?: string;
  readonly redirectLink?: string;
  readonly user: string;
  readonly tokenIssuer?: string;
  readonly applications: string;
  readonly applicationLocation?: string;
  /** Makes the application's self link absolute, on this origin (its other links stay relative). */
  readonly applicationSelf?: string;
  readonly eventsNext?: string;
  /** The challenge's grant_type list; default "password". */
  readonly grants?: string;
}

export interface RecordedRequest {
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface HostileUcwa {
  readonly agent: Agent;
  /** A plain-http loopback origin, also served (for redirects to it). */
  readonly plainOrigin: string;
  readonly requests: RecordedRequest[];
  links: LinkTargets;
  close(): Promise<void>;
}

export async function startHostileUcwa(links: LinkTargets): Promise<HostileUcwa> {
  const { key, cert } = selfSignedCertificate([...HOSTS]);
  const requests: RecordedRequest[] = [];
  const state: { links: LinkTargets } = { links };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      requests.push({ host, method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization, body });
      answer(host, req, body, res, state.links);
    });
  };
  const https = createHttpsServer({ key, cert }, handler);
  const http = createHttpServer(handler);
  await Promise.all([listen(https), listen(http)]);
  const port = (https.address() as AddressInfo).port;
  return {
    agent: loopbackAgent(port, cert),
    plainOrigin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    get links() {
      return state.links;
    },
    set links(value: LinkTargets) {
      state.links = value;
    },
    close: async () => {
      await Promise.all([close(https), close(http)]);
    },
  };
}

function answer(host: string, req: IncomingMessage, body: string, res: ServerResponse, links: LinkTargets): void {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const token = `cwt=token-for-${host}`;
  const authorised = req.headers.authorization === `Bearer ${token}`;
  const json = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };
  if (path.toLowerCase() === ROOT) {
    if (links.rootRedirect !== undefined && host === 'lyncdiscover.contoso.com') {
      res.writeHead(302, { Location: `${links.rootRedirect}${ROOT}` });
      res.end();
      return;
    }
    if (links.redirectLink !== undefined && host === 'lyncdiscover.contoso.com') return json(200, { _links: { redirect: { href: `${links.redirectLink}${ROOT}` } } });
    return json(200, { _links: { self: { href: ROOT }, user: { href: `${links.user}/user` } } });
  }
  if (path === '/oauthtoken' && req.method === 'POST') {
    return json(200, { access_token: token, expires_in: 28_800, token_type: 'Bearer' });
  }
  if (!authorised) {
    res.writeHead(401, { 'Content-Type': 'text/html', 'WWW-Authenticate': `MsRtcOAuth href="${links.tokenIssuer ?? `https://${host}`}/oauthtoken",grant_type="${links.grants ?? 'password'}"` });
    res.end('<html>401</html>');
    return;
  }
  if (path === '/user') return json(200, { _links: { self: { href: '/user' }, applications: { href: `${links.applications}/applications` } } });
  if (path === '/applications' && req.method === 'POST') {
    res.writeHead(201, { Location: `${links.applicationLocation ?? `https://${host}`}/app/1` });
    res.end();
    return;
  }
  if (path === '/app/1' && req.method === 'GET') {
    return json(200, {
      _links: { self: { href: `${links.applicationSelf ?? ''}/app/1` }, events: { href: '/events?ack=1' } },
      _embedded: {
        me: { name: 'Ana Ruiz', uri: 'sip:ana@contoso.com', _links: { self: { href: '/app/1/me' } }, rel: 'me' },
        people: { _links: { self: { href: '/app/1/people' } }, rel: 'people' },
        communication: { _links: { self: { href: '/app/1/communication' } }, rel: 'communication' },
      },
      rel: 'application',
    });
  }
  if (path === '/events') {
    const ack = Number(new URL(req.url ?? '/', 'https://x').searchParams.get('ack') ?? '1');
    const next = ack === 1 && links.eventsNext !== undefined ? `${links.eventsNext}/events?ack=2` : `/events?ack=${ack + 1}`;
    // Held briefly like a long poll, so the client does not spin.
    setTimeout(() => json(200, { _links: { next: { href: next } } }), 200);
    return;
  }
  if (req.method === 'DELETE') {
    res.writeHead(204);
    res.end();
    return;
  }
  json(404, { code: 'NotFound' });
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
