// `ucwa-tray doctor` against the simulator over https, with the doctor's network mapping the
// contoso.com names to loopback: one test per thing it must explain. The command function is the
// one run-cli calls; the last test runs the real process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:https';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { doctorCommand, type WordedDoctorReport } from '../../../src/cli/commands/doctor';
import type { DoctorNetwork } from '../../../src/main/doctor/doctor-network';
import type { DoctorProblem, DoctorStepKind } from '../../../src/shared/doctor-report';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { startSim } from '../../support/simulator';
import { companyCa, serverCertificate } from './support/certificates';
import type { KeyAndCert } from './support/certificates';
import { loopbackNetwork } from './support/loopback-network';

const HOST = 'lyncweb.contoso.com';
const SERVER = `https://${HOST}`;
let ca: KeyAndCert;
let trusted: KeyAndCert;

beforeAll(() => {
  ca = companyCa('Contoso Root CA');
  trusted = serverCertificate([HOST, 'lyncdiscover.contoso.com'], { ca });
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function httpsSim(tls: KeyAndCert): Promise<{ sim: UcwaSimulator; port: number }> {
  const sim = await startSim({ tls, publicUrl: SERVER });
  return { sim, port: Number(new URL(sim.url).port) };
}

async function plainHttpsServer(tls: KeyAndCert, handler: RequestListener): Promise<number> {
  const server = createServer(tls, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function doctor(args: readonly string[], network: DoctorNetwork, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await doctorCommand(args, env, { out: (t) => out.push(t), err: (t) => err.push(t) }, { network, timeoutMs: 5_000 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function report(args: readonly string[], network: DoctorNetwork): Promise<WordedDoctorReport & { code: number }> {
  const run = await doctor([...args, '--json'], network);
  return { ...(JSON.parse(run.out) as WordedDoctorReport), code: run.code };
}

function step(r: WordedDoctorReport, kind: DoctorStepKind, index = 0) {
  const found = r.steps.filter((s) => s.kind === kind)[index];
  if (found === undefined) throw new Error(`no ${kind} step in ${JSON.stringify(r.steps.map((s) => s.kind))}`);
  return found;
}

function failure(r: WordedDoctorReport): { kind: DoctorStepKind; problem: DoctorProblem | undefined; fix: string | undefined } {
  const failed = r.steps.filter((s) => s.status === 'fail');
  expect(failed, 'exactly one step fails').toHaveLength(1);
  return { kind: failed[0]?.kind ?? 'candidates', problem: failed[0]?.problem, fix: failed[0]?.fix };
}

describe('ucwa-tray doctor', () => {
  it('a healthy server: every step ok, exit 0, and the test application is removed again', async () => {
    const { sim, port } = await httpsSim(trusted);
    const run = await doctor(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: port }, ca.cert));
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^ok {4}Where to look/m);
    expect(run.out).toMatch(new RegExp(`^ok {4}Certificate of ${HOST} +Issued to ${HOST} by Contoso Root CA, valid \\d{4}-\\d\\d-\\d\\d to \\d{4}-\\d\\d-\\d\\d, for ${HOST}, lyncdiscover.contoso.com\\. Trusted by this computer, and the name matches\\.$`, 'm'));
    expect(run.out).toMatch(/grant types: urn:microsoft\.rtc:windows, urn:microsoft\.rtc:anonmeeting, password\./);
    expect(run.out).toMatch(/\n\nOK: Everything needed to sign in works\.$/);
    expect(run.out).not.toMatch(/FAIL|WARN/);
    const json = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: port }, ca.cert));
    expect(json.steps.map((s) => `${s.kind}:${s.status}`)).toEqual(['candidates:ok', 'dns:ok', 'tcp:ok', 'tls:ok', 'autodiscover:ok', 'challenge:ok', 'token:ok', 'application:ok']);
    expect(sim.appsOf('ana@contoso.com')).toHaveLength(0);
  });

  it('discovery from the domain: lyncdiscoverinternal does not resolve (a warning), lyncdiscover answers', async () => {
    const { port } = await httpsSim(trusted);
    const network = loopbackNetwork({ 'lyncdiscover.contoso.com': port, [HOST]: port }, ca.cert);
    const r = await report(['--user', 'ana@contoso.com', '--password', 'demo'], network);
    expect(r.code).toBe(0);
    expect(step(r, 'candidates').seen).toBe("From your address's domain (contoso.com), in this order: lyncdiscoverinternal.contoso.com, lyncdiscover.contoso.com.");
    expect(step(r, 'dns', 0)).toMatchObject({ status: 'warn', title: 'Name lookup of lyncdiscoverinternal.contoso.com' });
    expect(step(r, 'dns', 0).seen).toContain('Not needed: lyncdiscover.contoso.com answers instead.');
    // The root sends sign-in on to lyncweb: that host is checked too.
    expect(r.steps.filter((s) => s.kind === 'tls').map((s) => `${s.title}:${s.status}`)).toEqual(['Certificate of lyncdiscover.contoso.com:ok', `Certificate of ${HOST}:ok`]);
    expect(r.verdict).toBe('warn');
    expect(network.lookups).toContain('lyncdiscoverinternal.contoso.com');
  });

  it('wrong password: says so, shows nothing of it, and goes no further', async () => {
    const { sim, port } = await httpsSim(trusted);
    const password = 'Wr0ng&pass=+%word';
    const run = await doctor(['--server', SERVER, '--user', 'ana@contoso.com', '--password', password], loopbackNetwork({ [HOST]: port }, ca.cert));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^FAIL {2}Password and token +The token service refused the sign-in address and password\.$/m);
    expect(run.out).toMatch(/Fix: The password \(or the sign-in address\) is wrong\./);
    expect(run.out).toMatch(/^-- {4}Application +Not checked: an earlier step failed\.$/m);
    expect(run.out + run.err).not.toContain(password);
    expect(run.out + run.err).not.toContain(encodeURIComponent(password));
    const r = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', password], loopbackNetwork({ [HOST]: port }, ca.cert));
    expect(failure(r)).toMatchObject({ kind: 'token', problem: 'wrong-password' });
    expect(sim.appsOf('ana@contoso.com')).toHaveLength(0);
  });

  it('unreachable host: nothing answers on port 443; a name that is not in DNS says that', async () => {
    const refused = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: 0 }));
    expect(refused.code).toBe(1);
    expect(failure(refused)).toEqual({ kind: 'tcp', problem: 'refused', fix: `Nothing answers on port 443 of ${HOST}: the server is down, or this is not its address.` });
    expect(refused.steps.filter((s) => s.status === 'skipped').map((s) => s.kind)).toEqual(['autodiscover', 'challenge', 'token', 'application']);
    const unknown = await report(['--server', 'https://lyncweb.nowhere.example', '--user', 'ana@contoso.com'], loopbackNetwork({}));
    expect(failure(unknown)).toMatchObject({ kind: 'dns', problem: 'dns-not-found' });
    expect(step(unknown, 'dns').seen).toBe('The name lyncweb.nowhere.example does not exist in DNS (ENOTFOUND).');
  });

  it("untrusted certificate: the company's CA is not trusted by this computer, and nothing is sent", async () => {
    const { sim, port } = await httpsSim(trusted);
    // No `ca`: Node's own authorities, which do not include Contoso's.
    const r = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: port }));
    expect(r.code).toBe(1);
    const failed = failure(r);
    expect(failed).toMatchObject({ kind: 'tls', problem: 'untrusted-ca' });
    expect(failed.fix).toMatch(/^Your company's certificate authority \(Contoso Root CA\) is not trusted by this computer\./);
    expect(step(r, 'tls').seen).toContain(`Issued to ${HOST} by Contoso Root CA`);
    expect(step(r, 'tls').seen).toContain('(UNABLE_TO_VERIFY_LEAF_SIGNATURE)');
    expect(sim.control.requests()).toEqual([]);
  });

  it('untrusted certificate: a self-signed one is named as such', async () => {
    const { sim, port } = await httpsSim(serverCertificate([HOST]));
    const r = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: port }, ca.cert));
    const failed = failure(r);
    expect(failed).toMatchObject({ kind: 'tls', problem: 'self-signed' });
    expect(failed.fix).toMatch(new RegExp(`^The certificate of ${HOST} is self-signed .*, and this computer does not trust it\\.`));
    expect(sim.control.requests()).toEqual([]);
  });

  it('name mismatch: the certificate is for another name', async () => {
    const { sim, port } = await httpsSim(serverCertificate(['sip.fabrikam.net'], { ca }));
    const r = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: port }, ca.cert));
    expect(failure(r)).toEqual({
      kind: 'tls',
      problem: 'name-mismatch',
      fix: `The certificate is for sip.fabrikam.net, not ${HOST}. Use the server name the certificate is for (https://sip.fabrikam.net), or ask IT to add ${HOST} to the certificate.`,
    });
    expect(sim.control.requests()).toEqual([]);
  });

  it('expired certificate: says the date it expired on', async () => {
    const { port } = await httpsSim(serverCertificate([HOST], { ca, startDate: '20200101000000Z', endDate: '20200201000000Z' }));
    const r = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: port }, ca.cert));
    const failed = failure(r);
    expect(failed).toMatchObject({ kind: 'tls', problem: 'expired' });
    expect(failed.fix).toMatch(/^The server's certificate expired on 2020-02-01: its administrator must renew it\./);
  });

  it('no UCWA on the server: a web server answering 404, or a web page', async () => {
    for (const handler of [
      ((_req, res) => res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>')) as RequestListener,
      ((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Welcome to nginx</body></html>')) as RequestListener,
    ]) {
      const port = await plainHttpsServer(trusted, handler);
      const r = await report(['--server', SERVER, '--user', 'ana@contoso.com', '--password', 'demo'], loopbackNetwork({ [HOST]: port }, ca.cert));
      expect(r.code).toBe(1);
      const failed = failure(r);
      expect(failed).toMatchObject({ kind: 'autodiscover', problem: 'not-ucwa' });
      expect(failed.fix).toMatch(/^This server answers but is not a Skype for Business\/Lync web service \(no UCWA autodiscover\)\./);
      expect(step(r, 'tls').status).toBe('ok');
    }
  });

  it('without a password it stops before signing in and says the password was not checked', async () => {
    const { sim, port } = await httpsSim(trusted);
    const r = await report(['--server', SERVER, '--user', 'ana@contoso.com'], loopbackNetwork({ [HOST]: port }, ca.cert));
    expect(r.code).toBe(0);
    expect(step(r, 'token')).toMatchObject({ status: 'skipped', problem: 'no-password' });
    expect(r.summary).toBe('Everything up to the password works; the password itself was not checked.');
    expect(sim.control.requests().filter((q) => q.path.toLowerCase().includes('oauthtoken'))).toEqual([]);
  });
});

describe('ucwa-tray doctor, the real command', () => {
  it('runs as a process: a wrong password against the simulator, exit 1 and the explanation', async () => {
    const sim = await startSim();
    const cli = ['--import', 'tsx', join(import.meta.dirname, '../../../src/cli/main.ts')];
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [...cli, 'doctor', '--server', sim.url, '--user', 'ana@contoso.com'], { env: { ...process.env, UCWA_PASSWORD: 'Not-The-Password' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`Checking the connection for ana@contoso.com at ${sim.url}…`);
    expect(run.stdout).toMatch(/^ok {4}Certificate of 127\.0\.0\.1 +Plain http to this computer/m);
    expect(run.stdout).toMatch(/^FAIL {2}Password and token/m);
    expect(run.stdout).toMatch(/\n\nPROBLEM: The password \(or the sign-in address\) is wrong\./);
    expect(run.stdout + run.stderr).not.toContain('Not-The-Password');
  });
});
