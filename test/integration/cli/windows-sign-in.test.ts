// Issue #14: Windows sign-in (urn:microsoft.rtc:windows) from the command line — NTLMv2 with an
// explicit user and password, verified for real by the simulator's token service; also through a
// real proxy (every NTLM leg in one CONNECT tunnel), with and without the proxy's credentials.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { caFile, startHttpsSim } from '../../support/corporate-network';
import { startSim } from '../../support/simulator';
import { runCli } from '../../support/run-cli';
import { startTestProxy } from '../../support/test-proxy';
import type { TestProxy, TestProxyOptions } from '../../support/test-proxy';

const proxies: TestProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
async function proxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const started = await startTestProxy(options);
  proxies.push(started);
  return started;
}

const CLEAN = { NODE_EXTRA_CA_CERTS: undefined, HTTPS_PROXY: undefined, HTTP_PROXY: undefined, UCWA_TRAY_LANGUAGE: 'en' };

describe('ucwa-tray --sign-in windows', () => {
  it('signs in with NTLMv2 over https (CONTOSO\\ana from the address) and delivers', async () => {
    const sim = await startHttpsSim();
    const run = await runCli(['send', '--sign-in', 'windows', '--ca', caFile(), '--to', 'echo@contoso.com', 'hello via NTLM'], { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.stderr.trim()).toBe('delivered to echo@contoso.com');
    expect(run.code).toBe(0);
    expect(sim.windowsSignIn.verified).toBe(1);
  });

  it('an explicit --windows-user; a wrong password is one clear line', async () => {
    const sim = await startSim();
    const ok = await runCli(['send', '--sign-in', 'windows', '--windows-user', 'CONTOSO\\ben', '--to', 'echo@contoso.com', 'x'], { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ben@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(ok.code).toBe(0);
    const wrong = await runCli(['send', '--sign-in', 'windows', '--to', 'echo@contoso.com', 'x'], { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'Wr0ng-pass' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('ucwa-tray send: The Windows user name or password is wrong.');
    expect(wrong.stderr).not.toContain('Wr0ng-pass');
  });

  it('a server that does not offer Windows sign-in says so', async () => {
    const sim = await startSim({ signInMethods: ['password'] });
    const run = await runCli(['send', '--sign-in', 'windows', '--to', 'echo@contoso.com', 'x'], { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('ucwa-tray send: The server does not offer Windows sign-in.');
  });

  it('through a proxy (HTTPS_PROXY) to a server only the proxy can reach: every NTLM leg goes through its tunnel', async () => {
    // The server's name resolves only at the proxy (as internal names do): a leg sent around the
    // proxy could not connect at all, so a verified sign-in proves the legs took the tunnel.
    const port = await freePort();
    const name = 'lyncweb.contoso.test';
    const sim = await startHttpsSim([name, '127.0.0.1'], {}, { port, publicUrl: `https://${name}:${port}` });
    const p = await proxy({ hosts: { [name]: '127.0.0.1' } });
    const run = await runCli(['send', '--sign-in', 'windows', '--ca', caFile(), '--trust-domain', 'contoso.test', '--to', 'echo@contoso.com', 'hello via NTLM and a proxy'], { ...CLEAN, HTTPS_PROXY: p.url, UCWA_SERVER: `https://${name}:${port}`, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.stderr.trim()).toBe('delivered to echo@contoso.com');
    expect(run.code).toBe(0);
    expect(sim.windowsSignIn.verified).toBe(1);
    expect(new Set(p.attempts)).toEqual(new Set([`${name}:${port}`]));
  });

  it('through a proxy that wants credentials: refused without them (one clear line), signed in with them (--proxy user:password@)', async () => {
    const port = await freePort();
    const name = 'lyncweb.contoso.test';
    const sim = await startHttpsSim([name, '127.0.0.1'], {}, { port, publicUrl: `https://${name}:${port}` });
    const p = await proxy({ credentials: { user: 'CONTOSO\\ana', password: 'Pr0xy pass' }, hosts: { [name]: '127.0.0.1' } });
    const env = { ...CLEAN, UCWA_SERVER: `https://${name}:${port}`, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' };
    const args = ['--sign-in', 'windows', '--ca', caFile(), '--trust-domain', 'contoso.test', '--to', 'echo@contoso.com'];
    const refused = await runCli(['send', ...args, '--proxy', p.url, 'x'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('proxy wants a user name and password');
    expect(sim.windowsSignIn.verified).toBe(0);
    const withCredentials = `http://${encodeURIComponent('CONTOSO\\ana')}:${encodeURIComponent('Pr0xy pass')}@${new URL(p.url).host}`;
    const run = await runCli(['send', ...args, '--proxy', withCredentials, 'hello'], env);
    expect(run.stderr.trim()).toBe('delivered to echo@contoso.com');
    expect(run.code).toBe(0);
    expect(sim.windowsSignIn.verified).toBe(1);
    expect(run.stderr).not.toContain('Pr0xy');
  });
});
