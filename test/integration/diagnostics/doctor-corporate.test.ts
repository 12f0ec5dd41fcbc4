// Issue #14: the connection doctor checks the certificate against what sign-in trusts (--ca here),
// reports the sign-in methods the server offers and the proxy sign-in would take — and takes that
// proxy itself (a real proxy server here): one that refuses the host, or wants a password, is named.
import { afterEach, describe, expect, it } from 'vitest';
import { doctorCommand } from '../../../src/cli/commands/doctor';
import { runConnectionDoctor } from '../../../src/main/doctor/connection-doctor';
import { systemNetwork } from '../../../src/main/doctor/doctor-network';
import { caFile, startHttpsSim, testCa } from '../../support/corporate-network';
import { startTestProxy } from '../../support/test-proxy';
import type { TestProxy, TestProxyOptions } from '../../support/test-proxy';

const proxies: TestProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
async function proxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const started = await startTestProxy(options);
  proxies.push(started);
  return started;
}

async function doctor(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await doctorCommand(args, { UCWA_TRAY_LANGUAGE: 'en', ...env }, { out: (t) => out.push(t), err: () => undefined });
  return { code, out: out.join('\n') };
}

describe('doctor on a company network', () => {
  it('with --ca the certificate is trusted; grant types and the proxy are reported', async () => {
    const sim = await startHttpsSim(['127.0.0.1'], {}, { signInMethods: ['windows', 'passive', 'password'] });
    const p = await proxy();
    const run = await doctor(['--server', sim.url, '--user', 'ana@contoso.com', '--ca', caFile()], { HTTPS_PROXY: p.url, NO_PROXY: 'contoso.com' });
    expect(run.out).toContain('Sign-in methods the server offers: urn:microsoft.rtc:windows, urn:microsoft.rtc:passive, urn:microsoft.rtc:anonmeeting, password');
    expect(run.out).toContain(`Proxy for the server: ${p.url}`);
    expect(run.out).not.toMatch(/FAIL/);
    // The doctor's own checks went through the proxy, as sign-in would.
    expect(run.out).toContain(`through the proxy ${new URL(p.url).host}`);
    expect(p.tunnels).toContain(new URL(sim.url).host);
    const json = await doctor(['--server', sim.url, '--user', 'ana@contoso.com', '--ca', caFile(), '--json'], { NO_PROXY: '127.0.0.1', HTTPS_PROXY: 'http://proxy.contoso.com:8080' });
    expect(JSON.parse(json.out)).toMatchObject({ proxy: 'direct', grantTypes: ['urn:microsoft.rtc:windows', 'urn:microsoft.rtc:passive', 'urn:microsoft.rtc:anonmeeting', 'password'] });
  });

  it('without it, the certificate step names the untrusted CA', async () => {
    const sim = await startHttpsSim();
    const run = await doctor(['--server', sim.url, '--user', 'ana@contoso.com'], {});
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAIL\s+Certificate/);
  });

  it('a proxy that refuses the host: the doctor says the proxy refused it, and the server sees nothing', async () => {
    const sim = await startHttpsSim();
    const p = await proxy({ refuseHosts: ['127.0.0.1'] });
    const run = await doctor(['--server', sim.url, '--user', 'ana@contoso.com', '--ca', caFile(), '--proxy', p.url], {});
    expect(run.code).toBe(1);
    expect(run.out).toMatch(new RegExp(`FAIL\\s+Connection to 127\\.0\\.0\\.1 port \\d+\\s+The proxy ${new URL(p.url).host.replace(/\./g, '\\.')} refused to connect to 127\\.0\\.0\\.1:\\d+ \\(403\\)`));
    expect(p.attempts).toEqual([new URL(sim.url).host]);
    expect(sim.requestLog.toArray()).toEqual([]);
  });

  it('a proxy that wants a password: named without credentials; with the ones sign-in has, every check passes', async () => {
    const sim = await startHttpsSim();
    const p = await proxy({ credentials: { user: 'CONTOSO\\ana', password: 'Pr0xy pass' } });
    const without = await doctor(['--server', sim.url, '--user', 'ana@contoso.com', '--ca', caFile(), '--json'], { HTTPS_PROXY: p.url });
    expect(JSON.parse(without.out)).toMatchObject({ verdict: 'fail', steps: expect.arrayContaining([expect.objectContaining({ kind: 'tcp', problem: 'proxy-auth-required' })]) });
    // The CLI: credentials in the proxy URL.
    const withUrl = await doctor(['--server', sim.url, '--user', 'ana@contoso.com', '--ca', caFile(), '--proxy', `http://${encodeURIComponent('CONTOSO\\ana')}:${encodeURIComponent('Pr0xy pass')}@${new URL(p.url).host}`], {});
    expect(withUrl.out).not.toMatch(/FAIL/);
    expect(withUrl.out).not.toContain('Pr0xy');
    // The app: the credentials from the vault, for the proxy its route names.
    const report = await runConnectionDoctor(
      { server: sim.url, user: 'ana@contoso.com', password: 'demo' },
      { network: { ...systemNetwork, ca: [testCa().cert], proxyFor: async () => ({ url: p.url, credentials: { user: 'CONTOSO\\ana', password: 'Pr0xy pass' } }) }, proxyFor: async () => p.url },
    );
    expect(report.steps.filter((s) => s.status !== 'ok')).toEqual([]);
    expect(report.proxy).toBe(p.url);
    expect(report.steps.map((s) => s.kind)).toContain('application');
    expect(p.tunnels).toContain(new URL(sim.url).host);
  });
});
