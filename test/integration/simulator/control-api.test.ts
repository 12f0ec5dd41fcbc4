// The /_sim/ control API refuses anything that is not a local, same-origin JSON request; its fault
// rules take glob paths, never regular expressions; the request log, applications and tokens stay
// bounded however long the simulator runs.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ControlInputError } from '../../../src/simulator/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { startSim } from '../../support/simulator';
import { createApp, token, waitUntil } from './raw-ucwa';

interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

/** node:http rather than fetch, which will not let a test choose Host, Origin or Sec-Fetch-Site. */
function raw(sim: UcwaSimulator, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  const target = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };

describe('control API: only this machine, only same-origin JSON', () => {
  it('answers a loopback Host header and refuses any other (DNS rebinding)', async () => {
    const sim = await startSim();
    const port = new URL(sim.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) expect((await raw(sim, 'GET', '/_sim/stats', { host })).status).toBe(200);
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example`]) {
      const answer = await raw(sim, 'GET', '/_sim/stats', { host });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'Forbidden' });
    }
  });

  it('refuses a foreign Origin or a cross-site fetch, accepts its own origin', async () => {
    const sim = await startSim();
    const clear = (headers: Record<string, string>): Promise<RawAnswer> => raw(sim, 'POST', '/_sim/clear-faults', { ...json, ...headers }, '{}');
    expect((await clear({ origin: sim.url })).status).toBe(200);
    expect((await clear({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    for (const headers of [{ origin: 'http://evil.example' }, { origin: 'null' }, { origin: sim.url.replace('http:', 'https:') }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
      expect((await clear(headers)).status).toBe(403);
    }
  });

  it('a POST must be application/json, so a cross-site HTML form cannot trigger it; a refused rule is not installed', async () => {
    const sim = await startSim();
    const rule = JSON.stringify({ count: 1, status: 503, path: '^/$' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await raw(sim, 'POST', '/_sim/fail', { 'content-type': type }, rule)).status).toBe(415);
    }
    expect((await raw(sim, 'POST', '/_sim/fail', {}, rule)).status).toBe(415);
    expect((await fetch(`${sim.url}/`)).status).toBe(200);
    expect((await raw(sim, 'POST', '/_sim/fail', { 'content-type': 'application/json; charset=utf-8' }, rule)).status).toBe(200);
    expect((await fetch(`${sim.url}/`)).status).toBe(503);
  });

  it('refuses an oversized control body', async () => {
    const sim = await startSim();
    const answer = await raw(sim, 'POST', '/_sim/clear-faults', json, JSON.stringify({ pad: 'x'.repeat(100_000) }));
    expect(answer.status).toBe(413);
  });
});

describe('fault rules: glob paths, never a user-supplied RegExp', () => {
  // The catastrophic-backtracking classic and a path-shaped variant (27 and 28 characters).
  const catastrophic = ['^(([a-z])+.)+[A-Z]([a-z])+$', '^(/?[a-z0-9]+)+/events(/x)?$'];

  it('refuses a regular expression over HTTP (400) and programmatically (ControlInputError), and the server stays responsive', async () => {
    const sim = await startSim();
    for (const path of catastrophic) {
      const answer = await raw(sim, 'POST', '/_sim/fail', json, JSON.stringify({ count: 1, status: 503, path }));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ subcode: 'ParameterValidationFailure', message: expect.stringContaining('not allowed in a path pattern') });
      let thrown: unknown;
      try {
        sim.control.failNext({ count: 1, status: 503, path });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ControlInputError);
      expect((thrown as ControlInputError).code).toBe('invalid-path-pattern');
    }
    const since = Date.now();
    expect((await fetch(`${sim.url}/${'a'.repeat(40)}!`)).status).toBe(404);
    expect(Date.now() - since).toBeLessThan(1_000);
  });

  it('matches literal pieces, * and the ^/$ anchors; checks numbers; bounds the number of live rules', async () => {
    const sim = await startSim();
    sim.control.failNext({ count: 1, status: 503, path: '^/UCWA/*/applications$' });
    const auth = { authorization: `Bearer ${await token(sim)}` };
    const create = (): Promise<Response> => fetch(`${sim.url}/ucwa/oauth/v1/applications`, { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ userAgent: 't', endpointId: 'g', culture: 'en-US' }) });
    expect((await create()).status).toBe(503);
    expect((await create()).status).toBe(201);
    expect(() => sim.control.failNext({ count: 1, status: 200 })).toThrow(ControlInputError);
    expect(() => sim.control.dropNext({ count: 0 })).toThrow(/count must be an integer/);
    expect(() => sim.control.delay(10_000_000)).toThrow(/ms must be an integer/);
    for (let i = 0; i < 100; i++) sim.control.failNext({ count: 1, status: 503, path: `/never/${i}` });
    expect(() => sim.control.failNext({ count: 1, status: 503, path: '/one/more' })).toThrow(/at most 100/);
    sim.control.clearFaults();
    sim.control.failNext({ count: 1, status: 503, path: '/one/more' });
  });
});

describe('bounded state: a simulator left running for a week stays small', () => {
  it('the request log keeps the latest entries, oldest first', async () => {
    const sim = await startSim({ requestLogLimit: 50 });
    for (let i = 0; i < 80; i++) await fetch(`${sim.url}/?n=${i}`);
    const kept = sim.control.requests();
    expect(kept).toHaveLength(50);
    expect(kept[0]?.path).toBe('/?n=30');
    expect(kept.at(-1)?.path).toBe('/?n=79');
    expect(sim.control.stats().requestsLogged).toBe(80);
    const over = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { requests: unknown[] };
    expect(over.requests).toHaveLength(50);
  });

  it('per user: the oldest idle application makes room; when all are busy, 403 TooManyApplications', async () => {
    const sim = await startSim({ maxApplicationsPerUser: 2 });
    const first = await createApp(sim, 'ana@contoso.com', 'e1');
    const second = await createApp(sim, 'ana@contoso.com', 'e2');
    const third = await createApp(sim, 'ana@contoso.com', 'e3');
    expect(await (await fetch(`${sim.url}${first.base}`, { headers: first.auth })).json()).toMatchObject({ subcode: 'ApplicationNotFound' });
    expect((await fetch(`${sim.url}${second.base}`, { headers: second.auth })).status).toBe(200);
    // Both remaining applications keep a P-GET outstanding: neither is idle.
    const polls = [second, third].map((app) => fetch(`${sim.url}${app.next}`, { headers: app.auth }).catch(() => undefined));
    await waitUntil(() => sim.appsOf('ana@contoso.com').every((app) => app.channel.hasWaiter));
    const refused = await fetch(`${sim.url}/ucwa/oauth/v1/applications`, { method: 'POST', headers: { ...third.auth, ...json }, body: JSON.stringify({ userAgent: 't', endpointId: 'e4', culture: 'en-US' }) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'Forbidden', subcode: 'TooManyApplications' });
    expect(sim.control.stats().applications).toBe(2);
    await sim.stop();
    await Promise.all(polls);
  });

  it('in total: the oldest idle application of anyone makes room', async () => {
    const sim = await startSim({ maxApplications: 3 });
    const ana = await createApp(sim, 'ana@contoso.com');
    for (const user of ['ben@contoso.com', 'carl@contoso.com', 'dana@contoso.com']) await createApp(sim, user);
    expect(sim.appsOf('ana@contoso.com')).toHaveLength(0);
    expect((await fetch(`${sim.url}${ana.base}`, { headers: ana.auth })).status).toBe(404);
    expect(sim.control.stats().applications).toBe(3);
  });

  it('tokens: a user keeps the newest few; older ones answer 401', async () => {
    const sim = await startSim({ maxTokensPerUser: 3 });
    const tokens = [];
    for (let i = 0; i < 4; i++) tokens.push(await token(sim));
    const user = `${sim.url}/autodiscover/autodiscoverservice.svc/root/oauth/user`;
    expect((await fetch(user, { headers: { authorization: `Bearer ${tokens[0] ?? ''}` } })).status).toBe(401);
    expect((await fetch(user, { headers: { authorization: `Bearer ${tokens[3] ?? ''}` } })).status).toBe(200);
    expect(sim.control.stats().tokens).toBe(3);
  });

  it('two hundred sign-ins with new endpoints leave at most the per-user bound of applications and tokens', async () => {
    const sim = await startSim();
    for (let i = 0; i < 200; i++) await createApp(sim, 'ana@contoso.com', `restart-${i}`);
    expect(sim.control.stats()).toMatchObject({ applications: 10, tokens: 50 });
  });
});
