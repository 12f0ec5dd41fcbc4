// Each way sign-in can fail gets its own clear, typed error, and no secret leaks into it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UcwaClient, UcwaError } from '../../../src/main/ucwa/index';
import type { LogLine } from '../../support/simulator';
import { clientFor, startSim } from '../../support/simulator';
import { loopbackAgent, selfSignedCertificate } from '../../support/tls';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function fakeServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function signInError(client: UcwaClient): Promise<UcwaError> {
  const error: unknown = await client.signIn().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UcwaError);
  return error as UcwaError;
}

describe('sign-in errors', () => {
  it('a wrong password: wrong-credentials, and the password appears in no message or log line', async () => {
    const sim = await startSim();
    const logs: LogLine[] = [];
    const password = 'Tr1cky&pass=+%word';
    const client = clientFor(sim, 'ana@contoso.com', { password, logSink: (level, scope, message, fields) => logs.push({ level, text: `${scope} ${message} ${JSON.stringify(fields ?? {})}` }) });
    const error = await signInError(client);
    expect(error.code).toBe('wrong-credentials');
    expect(error.message).toBe('The sign-in address or password is wrong.');
    const everything = [error.message, String(error.stack), ...logs.map((l) => l.text)].join('\n');
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(encodeURIComponent(password));
  });

  it('a password with &, +, = and % is form-encoded correctly (§10.5)', async () => {
    const password = 'a&b+c=d%e f';
    const sim = await startSim({ directory: { domain: 'contoso.com', users: [{ uri: 'sip:zoe@contoso.com', name: 'Zoe', password }], scripted: [] } });
    const client = clientFor(sim, 'zoe@contoso.com', { password });
    expect(await client.signIn()).toEqual({ uri: 'sip:zoe@contoso.com', name: 'Zoe' });
  });

  it('an unreachable server: unreachable', async () => {
    const client = new UcwaClient({ server: 'http://127.0.0.1:1', user: 'ana@contoso.com', password: 'x', endpointId: 'e' });
    const error = await signInError(client);
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('127.0.0.1:1');
  });

  it('a certificate that is not trusted: tls, never a silent fallback', async () => {
    const hosts = ['lyncweb.contoso.com'];
    const { key, cert } = selfSignedCertificate(hosts);
    const sim = await startSim({ tls: { key, cert }, publicUrl: 'https://lyncweb.contoso.com' });
    const port = Number(new URL(sim.url).port);
    const client = new UcwaClient({ server: 'https://lyncweb.contoso.com', user: 'ana@contoso.com', password: 'demo', endpointId: 'e', dispatcher: loopbackAgent(port) });
    const error = await signInError(client);
    expect(error.code).toBe('tls');
    expect(sim.control.requests()).toHaveLength(0);
  });

  it('a server that is not UCWA (HTML everywhere): not-ucwa', async () => {
    const url = await fakeServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Welcome to nginx</body></html>');
    });
    const error = await signInError(new UcwaClient({ server: url, user: 'ana@contoso.com', password: 'x', endpointId: 'e' }));
    expect(error.code).toBe('not-ucwa');
    expect(error.message).toMatch(/not JSON/);
  });

  it('a malformed response (broken JSON, JSON without links): malformed-response or not-ucwa', async () => {
    const broken = await fakeServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"_links": {"user": ');
    });
    expect((await signInError(new UcwaClient({ server: broken, user: 'a@contoso.com', password: 'x', endpointId: 'e' }))).code).toBe('malformed-response');
    const linkless = await fakeServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"hello": "world"}');
    });
    const error = await signInError(new UcwaClient({ server: linkless, user: 'a@contoso.com', password: 'x', endpointId: 'e' }));
    expect(error.code).toBe('not-ucwa');
  });

  it('plain http to a non-loopback host: refused before any request leaves', async () => {
    const client = new UcwaClient({ server: 'http://lyncweb.contoso.com', user: 'ana@contoso.com', password: 'x', endpointId: 'e' });
    const error = await signInError(client);
    expect(error.code).toBe('insecure-transport');
    expect(client.stats.requests).toBe(0);
  });
});

describe('discovery', () => {
  it('finds the server from the domain over https (lyncdiscoverinternal first), following redirect links', async () => {
    const hosts = ['lyncdiscoverinternal.contoso.com', 'lyncdiscover.contoso.com', 'lyncweb.contoso.com'];
    const { key, cert } = selfSignedCertificate(hosts);
    const sim = await startSim({ tls: { key, cert }, publicUrl: 'https://lyncweb.contoso.com', redirectHops: 2 });
    const port = Number(new URL(sim.url).port);
    const client = clientFor(sim, 'ana@contoso.com', { server: undefined, dispatcher: loopbackAgent(port, cert) });
    expect(await client.signIn()).toEqual({ uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' });
    const paths = sim.control.requests().map((r) => r.path);
    expect(paths[0]).toBe('/');
    expect(paths.filter((p) => p.includes('hop='))).toHaveLength(2);
  });

  it('stops after the hop limit instead of looping', async () => {
    const sim = await startSim({ redirectHops: 50 });
    const error = await signInError(clientFor(sim, 'ana@contoso.com'));
    expect(error.code).toBe('not-ucwa');
    expect(error.message).toMatch(/redirected more than 5 times/);
  });
});
