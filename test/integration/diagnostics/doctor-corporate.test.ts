// Issue #14: the connection doctor checks the certificate against what sign-in trusts (--ca here),
// and reports the sign-in methods the server offers and the proxy sign-in would take.
import { describe, expect, it } from 'vitest';
import { doctorCommand } from '../../../src/cli/commands/doctor';
import { caFile, startHttpsSim } from '../../support/corporate-network';

async function doctor(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await doctorCommand(args, { UCWA_TRAY_LANGUAGE: 'en', ...env }, { out: (t) => out.push(t), err: () => undefined });
  return { code, out: out.join('\n') };
}

describe('doctor on a company network', () => {
  it('with --ca the certificate is trusted; grant types and the proxy are reported', async () => {
    const sim = await startHttpsSim(['127.0.0.1'], {}, { signInMethods: ['windows', 'passive', 'password'] });
    const run = await doctor(['--server', sim.url, '--user', 'ana@contoso.com', '--ca', caFile()], { HTTPS_PROXY: 'http://proxy.contoso.com:8080', NO_PROXY: 'contoso.com' });
    expect(run.out).toContain('Sign-in methods the server offers: urn:microsoft.rtc:windows, urn:microsoft.rtc:passive, urn:microsoft.rtc:anonmeeting, password');
    expect(run.out).toContain('Proxy for the server: http://proxy.contoso.com:8080');
    expect(run.out).not.toMatch(/FAIL/);
    const json = await doctor(['--server', sim.url, '--user', 'ana@contoso.com', '--ca', caFile(), '--json'], { NO_PROXY: '127.0.0.1', HTTPS_PROXY: 'http://proxy.contoso.com:8080' });
    expect(JSON.parse(json.out)).toMatchObject({ proxy: 'direct', grantTypes: ['urn:microsoft.rtc:windows', 'urn:microsoft.rtc:passive', 'urn:microsoft.rtc:anonmeeting', 'password'] });
  });

  it('without it, the certificate step names the untrusted CA', async () => {
    const sim = await startHttpsSim();
    const run = await doctor(['--server', sim.url, '--user', 'ana@contoso.com'], {});
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAIL\s+Certificate/);
  });
});
