// A server (or a proxy in front of it) that misbehaves must not hang the client, exhaust its
// memory, or make it hammer the network: a trickling answer hits an overall deadline, an endless
// body hits a size cap, and instant empty answers or `Retry-After: 0` slow the event channel down.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { EventChannel } from '../../../src/main/ucwa/event-channel';
import { HttpTransport } from '../../../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger, silentSink } from '../../../src/main/ucwa/logger';
import { CredentialTrust } from '../../../src/main/ucwa/trust-policy';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('connection', (socket) => socket.unref());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const logger = createLogger('test', silentSink, new SecretRedactor());
const transport = (): HttpTransport => new HttpTransport(undefined, logger);
const http = (): AuthenticatedHttp => new AuthenticatedHttp(transport(), { user: 'ana@contoso.com', password: 'x' }, new SecretRedactor(), logger, new CredentialTrust({ user: 'ana@contoso.com' }));

describe('a misbehaving server', () => {
  it('cannot hold a request past its deadline by trickling one byte at a time', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    await expect(transport().send({ method: 'GET', url: new URL(url), timeoutMs: 600 })).rejects.toMatchObject({ code: 'timeout', message: expect.stringMatching(/did not finish answering within 1 s/) });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reads text sent in pieces that split a character, and bytes as they are', async () => {
    const text = 'Grüße, 😀 — ' + 'ä'.repeat(1_000);
    const bytes = Buffer.from(text, 'utf8');
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      // Every piece ends inside a multi-byte character (ü is two bytes, 😀 four).
      let at = 0;
      const next = (): void => {
        if (at >= bytes.length) return void res.end();
        const size = at === 0 ? 3 : 7;
        res.write(bytes.subarray(at, at + size), () => setImmediate(next));
        at += size;
      };
      next();
    });
    expect((await transport().send({ method: 'GET', url: new URL(url) })).text).toBe(text);
    const binary = await transport().send({ method: 'GET', url: new URL(url), binary: true });
    expect(binary.bytes?.equals(bytes)).toBe(true);
    expect(binary.text).toBe('');
  });

  it('cannot fill memory with an endless body', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = (): void => {
        while (res.write(chunk)) {
          /* keep writing until the socket pushes back */
        }
      };
      res.on('drain', pump);
      pump();
    });
    await expect(transport().send({ method: 'GET', url: new URL(url), maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'malformed-response', message: expect.stringMatching(/larger than 1 MiB/) });
  });

  it('answering empty event polls at once slows the channel down instead of a tight loop', async () => {
    let polls = 0;
    const url = await serve((req, res) => {
      polls++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ _links: { next: { href: `/events?ack=${polls + 1}` } } }));
    });
    const channel = runChannel(url);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await channel.stop();
    // Without the throttle this is thousands; with it the waits grow 50, 100, 200, 400, 400 … ms.
    expect(polls).toBeGreaterThan(3);
    expect(polls).toBeLessThan(15);
  });

  it('Retry-After: 0 on every poll does not become a tight loop', async () => {
    let polls = 0;
    const url = await serve((_req, res) => {
      polls++;
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '0' });
      res.end(JSON.stringify({ code: 'ServiceUnavailable' }));
    });
    const channel = runChannel(url);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await channel.stop();
    expect(polls).toBeGreaterThan(2);
    expect(polls).toBeLessThan(25);
  });
});

function runChannel(base: string): EventChannel {
  const channel = new EventChannel(
    http(),
    new URL('/events?ack=1', base),
    { onEvents: async () => undefined, onResync: async () => undefined, onResume: async () => undefined, onConnection: () => undefined, onStopped: () => undefined },
    { timeoutSeconds: 180, backoffBaseMs: 50, backoffMaxMs: 400 },
    logger,
  );
  channel.start();
  return channel;
}
