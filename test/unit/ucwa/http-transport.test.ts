// The one place the client touches the network: plain http only to this machine, one deadline for
// the whole exchange, bodies capped, and every transport failure a typed error that says why.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { HttpTransport, assertSecureUrl, headerValue, isLoopbackHost, toTransportError } from '../../../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import { errorDetail } from '../../../src/shared/error-detail';
import { ucwaFailure } from './support/ucwa-failure';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, body, res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function transport(dispatcher?: ConstructorParameters<typeof HttpTransport>[0]): { http: HttpTransport; logs: { message: string; fields?: Record<string, unknown> }[] } {
  const logs: { message: string; fields?: Record<string, unknown> }[] = [];
  const logger = createLogger('test', (_level, _scope, message, fields) => void logs.push({ message, ...(fields === undefined ? {} : { fields }) }), new SecretRedactor());
  return { http: new HttpTransport(dispatcher, logger), logs };
}

describe('plain http only to this machine', () => {
  it('tells loopback hosts from the rest', () => {
    for (const host of ['localhost', 'LOCALHOST', '::1', '[::1]', '127.0.0.1', '127.10.200.30']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['10.0.0.1', '127.0.0.1.nip.io', 'x127.0.0.1', '127.0.0', 'localhost.contoso.com', '[::2]', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('lets https go anywhere and http only to loopback, and says which origin and protocol it refused', () => {
    expect(() => assertSecureUrl(new URL('https://lyncweb.contoso.com/x'))).not.toThrow();
    expect(() => assertSecureUrl(new URL('http://127.10.20.30:8080/x'))).not.toThrow();
    expect(() => assertSecureUrl(new URL('http://[::1]:8080/x'))).not.toThrow();
    for (const [href, origin, protocol] of [
      ['http://lyncweb.contoso.com/x', 'http://lyncweb.contoso.com', 'http'],
      ['http://127.0.0.1.nip.io/x', 'http://127.0.0.1.nip.io', 'http'],
      ['ws://localhost/x', 'ws://localhost', 'ws'],
    ] as const) {
      let error: unknown;
      try {
        assertSecureUrl(new URL(href));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(UcwaError);
      expect([(error as UcwaError).code, (error as UcwaError).detail]).toEqual(['insecure-transport', errorDetail('plainHttp', { origin, protocol })]);
    }
  });

  it('refuses before sending anything', async () => {
    const { http } = transport();
    const error = await ucwaFailure(http.send({ method: 'GET', url: new URL('http://lyncweb.contoso.com/') }));
    expect(error.code).toBe('insecure-transport');
    expect(http.requestCount).toBe(0);
  });
});

describe('HttpTransport.send', () => {
  it('sends method, headers and body, and answers status, headers and text; counts requests; logs the path only', async () => {
    const seen: string[] = [];
    const origin = await serve((req, body, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers['x-test'] ?? '-'} ${req.headers['content-length'] ?? '-'} ${body}`);
      res.writeHead(201, { 'content-type': 'application/json', 'x-ms-server-fqdn': 'fe1.contoso.com', 'x-ms-diagnostics': '1;reason="x"' });
      res.end('{"ok":true}');
    });
    const { http, logs } = transport();
    const res = await http.send({ method: 'POST', url: new URL(`${origin}/ucwa/x?secret=1`), headers: { 'X-Test': 'yes' }, body: 'héllo' });
    await http.send({ method: 'GET', url: new URL(`${origin}/ucwa/y`) });
    expect([res.status, res.text, res.headers['x-ms-server-fqdn'], res.url.href]).toEqual([201, '{"ok":true}', 'fe1.contoso.com', `${origin}/ucwa/x?secret=1`]);
    expect(res).not.toHaveProperty('bytes');
    expect(seen).toEqual(['POST /ucwa/x?secret=1 yes 6 héllo', 'GET /ucwa/y - - ']);
    expect(http.requestCount).toBe(2);
    expect(logs[0]?.message).toMatch(/^POST \/ucwa\/x -> 201 in \d+ ms$/);
    expect(logs[0]?.fields).toEqual({ server: 'fe1.contoso.com', diagnostics: '1;reason="x"' });
    expect(Number(/in (\d+) ms/.exec(logs[0]?.message ?? '')?.[1])).toBeLessThan(10_000);
    expect(JSON.stringify(logs)).not.toContain('secret');
  });

  it('decodes text split inside a character, and reads bytes when asked', async () => {
    const origin = await serve((_req, _body, res) => {
      const bytes = Buffer.from('añb€', 'utf8');
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write(bytes.subarray(0, 2));
      setTimeout(() => res.end(bytes.subarray(2)), 20);
    });
    const { http } = transport();
    expect((await http.send({ method: 'GET', url: new URL(origin) })).text).toBe('añb€');
    const binary = await http.send({ method: 'GET', url: new URL(origin), binary: true });
    expect([binary.text, binary.bytes?.toString('utf8')]).toEqual(['', 'añb€']);
  });

  it('refuses a body larger than allowed, saying how large was allowed', async () => {
    const origin = await serve((_req, _body, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(3 * 1024 * 1024));
    });
    const { http } = transport();
    const small = await ucwaFailure(http.send({ method: 'GET', url: new URL(`${origin}/big`), maxBytes: 2048 }));
    expect([small.code, small.detail]).toEqual(['malformed-response', errorDetail('answerTooLarge', { host: new URL(origin).host + '/big', size: '2 KiB' })]);
    const large = await ucwaFailure(http.send({ method: 'GET', url: new URL(`${origin}/big`), maxBytes: 2 * 1024 * 1024 }));
    expect(large.detail).toEqual(errorDetail('answerTooLarge', { host: new URL(origin).host + '/big', size: '2 MiB' }));
    expect((await http.send({ method: 'GET', url: new URL(`${origin}/big`), maxBytes: 3 * 1024 * 1024 })).text).toHaveLength(3 * 1024 * 1024);
  });

  it('gives the whole exchange one deadline, and names it in seconds', async () => {
    const origin = await serve((_req, _body, res) => {
      res.writeHead(200);
      res.write('a');
      const trickle = setInterval(() => res.write('a'), 50);
      res.on('close', () => clearInterval(trickle));
    });
    const { http } = transport();
    const started = Date.now();
    const error = await ucwaFailure(http.send({ method: 'GET', url: new URL(origin), timeoutMs: 1400 }));
    expect([error.code, error.detail]).toEqual(['timeout', errorDetail('answerTooSlow', { host: new URL(origin).host, seconds: 1 })]);
    expect(error.cause).toBeDefined();
    // A trickling server never stops on its own; the deadline ends it (generous for a busy machine).
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('calls a request whose caller could cancel it, but did not, slow when its deadline passes', async () => {
    const origin = await serve(() => undefined);
    const { http } = transport();
    const error = await ucwaFailure(http.send({ method: 'GET', url: new URL(origin), signal: new AbortController().signal, timeoutMs: 300 }));
    expect([error.code, error.detail]).toEqual(['timeout', errorDetail('answerTooSlow', { host: new URL(origin).host, seconds: 0 })]);
  });

  it('calls a request the caller cancelled cancelled, not slow', async () => {
    const origin = await serve(() => undefined);
    const { http } = transport();
    const controller = new AbortController();
    const started = Date.now();
    const sending = http.send({ method: 'GET', url: new URL(origin), signal: controller.signal, timeoutMs: 25_000 });
    setTimeout(() => controller.abort(), 50);
    expect((await ucwaFailure(sending)).code).toBe('cancelled');
    // At once, not when the request's own deadline passes (generous: the machine may be busy).
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('leaves no timer behind once the answer is in', async () => {
    const origin = await serve((_req, _body, res) => res.end('ok'));
    const { http } = transport();
    const set = vi.spyOn(globalThis, 'setTimeout');
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    try {
      await http.send({ method: 'GET', url: new URL(origin), timeoutMs: 60_123 });
      const deadlines = set.mock.calls.map((call, i) => [call[1], set.mock.results[i]?.value] as const).filter(([ms]) => ms === 60_123);
      expect(deadlines).toHaveLength(1);
      expect(cleared.mock.calls.map((call) => call[0])).toContain(deadlines[0]?.[1]);
    } finally {
      set.mockRestore();
      cleared.mockRestore();
    }
  });

  it('asks a dispatcher function which way each origin goes', async () => {
    const origin = await serve((_req, _body, res) => res.end('routed'));
    const asked: string[] = [];
    const agent = new Agent();
    const { http } = transport(async (url) => {
      asked.push(url.href);
      return agent;
    });
    expect((await http.send({ method: 'GET', url: new URL(`${origin}/a`) })).text).toBe('routed');
    expect(asked).toEqual([`${origin}/a`]);
    await agent.close();
  });

  it('says a server that is not listening cannot be reached, and why', async () => {
    const origin = await serve(() => undefined);
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    const { http } = transport();
    const error = await ucwaFailure(http.send({ method: 'GET', url: new URL(origin) }));
    expect([error.code, error.detail]).toEqual(['unreachable', errorDetail('cannotReach', { host: new URL(origin).host, cause: 'ECONNREFUSED' })]);
  });
});

describe('toTransportError', () => {
  const url = new URL('https://pool.contoso.com:4443/ucwa');
  const coded = (code: string, cause?: unknown): Error => Object.assign(new Error(`failed ${code}`), { code, ...(cause === undefined ? {} : { cause }) });

  it('keeps a UcwaError as it is', () => {
    const error = new UcwaError('tls', 'x');
    expect(toTransportError(error, url)).toBe(error);
  });

  it('tells a proxy that wants credentials from one that refused, from the message anywhere in the causes', () => {
    const auth = toTransportError(new TypeError('fetch failed', { cause: new Error('Proxy response (407) !== 200 when HTTP Tunneling') }), url);
    expect([auth.code, auth.detail, auth.status, auth.host]).toEqual(['proxy-auth-required', errorDetail('proxyAuthRequired', { host: 'pool.contoso.com:4443' }), 407, 'https://pool.contoso.com:4443']);
    const refused = toTransportError(new Error('x', { cause: new Error('y', { cause: new Error('Proxy response (403) !== 200') }) }), url);
    expect([refused.code, refused.detail, refused.status, refused.host]).toEqual(['proxy-refused', errorDetail('proxyRefused', { host: 'pool.contoso.com:4443', status: 403 }), 403, 'https://pool.contoso.com:4443']);
    expect(refused.cause).toBeInstanceOf(Error);
  });

  it('reads codes and names five causes deep, and no deeper', () => {
    const nested = (depth: number, inner: Error): Error => (depth === 0 ? inner : new Error(`level ${depth}`, { cause: nested(depth - 1, inner) }));
    expect(toTransportError(nested(4, coded('ECONNREFUSED')), url).detail).toEqual(errorDetail('cannotReach', { host: 'pool.contoso.com:4443', cause: 'ECONNREFUSED' }));
    expect(toTransportError(nested(5, coded('ECONNREFUSED')), url).detail).toEqual(errorDetail('cannotReach', { host: 'pool.contoso.com:4443', cause: 'level 5' }));
    expect(toTransportError(nested(4, new Error('Proxy response (407)')), url).code).toBe('proxy-auth-required');
    expect(toTransportError(nested(5, new Error('Proxy response (407)')), url).code).toBe('unreachable');
  });

  it('calls an abort cancelled, by name or by undici code', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(toTransportError(abort, url).code).toBe('cancelled');
    expect(toTransportError(abort, url).cause).toBe(abort);
    expect(toTransportError(coded('UND_ERR_ABORTED'), url).code).toBe('cancelled');
  });

  it('names the certificate problem and the code that told it', () => {
    const error = toTransportError(new TypeError('fetch failed', { cause: coded('SELF_SIGNED_CERT_IN_CHAIN') }), url);
    expect([error.code, error.certificateProblem, error.host, error.detail]).toEqual(['tls', 'untrusted-issuer', 'pool.contoso.com', errorDetail('certificateUntrustedIssuer', { host: 'pool.contoso.com', code: 'SELF_SIGNED_CERT_IN_CHAIN' })]);
    expect(toTransportError(coded('ERR_TLS_CERT_ALTNAME_INVALID'), url).certificateProblem).toBe('name-mismatch');
  });

  it('tells a timeout from an unreachable server, whichever cause says it', () => {
    for (const code of ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']) {
      const original = new Error('x', { cause: coded(code) });
      const error = toTransportError(original, url);
      expect([error.code, error.detail, error.cause], code).toEqual(['timeout', errorDetail('noAnswerInTime', { host: 'pool.contoso.com:4443' }), original]);
    }
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']) {
      const original = Object.assign(new TypeError('fetch failed', { cause: coded(code) }), { code: 'SOMETHING_ELSE' });
      const error = toTransportError(original, url);
      expect([error.code, error.detail, error.cause], code).toEqual(['unreachable', errorDetail('cannotReach', { host: 'pool.contoso.com:4443', cause: code }), original]);
    }
  });

  it('says what it knows of anything else', () => {
    const hangUp = new Error('socket hang up');
    expect(toTransportError(hangUp, url).detail).toEqual(errorDetail('cannotReach', { host: 'pool.contoso.com:4443', cause: 'socket hang up' }));
    expect(toTransportError(hangUp, url).cause).toBe(hangUp);
    expect(toTransportError('plain string', url).detail).toEqual(errorDetail('cannotReach', { host: 'pool.contoso.com:4443', cause: 'plain string' }));
    expect(toTransportError(null, url).code).toBe('unreachable');
  });
});

describe('headerValue', () => {
  it('joins a repeated header and keeps a single one', () => {
    expect(headerValue(['a', 'b'])).toBe('a, b');
    expect(headerValue('a')).toBe('a');
    expect(headerValue(undefined)).toBeUndefined();
  });
});
