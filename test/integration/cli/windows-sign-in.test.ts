// Issue #14: Windows sign-in (urn:microsoft.rtc:windows) from the command line — NTLMv2 with an
// explicit user and password, verified for real by the simulator's token service.
import { describe, expect, it } from 'vitest';
import { caFile, startHttpsSim } from '../../support/corporate-network';
import { startSim } from '../../support/simulator';
import { runCli } from '../../support/run-cli';

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
});
