// Issue #14 from the command line: the company CA given with --ca, the hint when this Node cannot
// read the OS store, and certificate problems in their own words.
import { describe, expect, it } from 'vitest';
import { systemStoreAvailable } from '../../../src/main/ucwa/index';
import { caFile, startHttpsSim } from '../../support/corporate-network';
import { runCli } from '../../support/run-cli';
import { startTestProxy } from '../../support/test-proxy';

// The child must not inherit a CA from the test's environment: trust comes only from --ca.
const CLEAN = { NODE_EXTRA_CA_CERTS: undefined, HTTPS_PROXY: undefined, HTTP_PROXY: undefined, https_proxy: undefined, http_proxy: undefined, UCWA_TRAY_LANGUAGE: 'en' };

describe('ucwa-tray over https with a company CA', () => {
  it('--ca FILE: signs in and delivers', async () => {
    const sim = await startHttpsSim();
    const run = await runCli(['send', '--ca', caFile(), '--to', 'echo@contoso.com', 'hello over https'], { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.stderr.trim()).toBe('delivered to echo@contoso.com');
    expect(run.code).toBe(0);
  });

  it('without it: one line naming the untrusted issuer and, on a Node without the OS store, how to add the CA', async () => {
    const sim = await startHttpsSim();
    const run = await runCli(['send', '--to', 'echo@contoso.com', 'x'], { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ucwa-tray send: The certificate of 127\.0\.0\.1 comes from a certificate authority this computer does not trust/);
    expect(lines[0]).not.toMatch(/cannot reach/i);
    if (!systemStoreAvailable()) expect(lines[0]).toContain('--ca FILE, or set NODE_EXTRA_CA_CERTS=FILE');
  });

  it('in German when the terminal speaks German', async () => {
    const sim = await startHttpsSim(['127.0.0.1'], { startDate: '20200101000000Z', endDate: '20200201000000Z' });
    const run = await runCli(['send', '--ca', caFile(), '--to', 'echo@contoso.com', 'x'], { ...CLEAN, UCWA_TRAY_LANGUAGE: 'de', UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Das Zertifikat von 127\.0\.0\.1 ist abgelaufen \(CERT_HAS_EXPIRED\)/);
  });

  it('a --ca file that does not exist: exit 1 with the file named', async () => {
    const run = await runCli(['send', '--ca', '/nonexistent/ca.pem', '--to', 'echo@contoso.com', 'x'], { ...CLEAN, UCWA_SERVER: 'https://127.0.0.1:1', UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('ucwa-tray send: The CA file /nonexistent/ca.pem cannot be read (ENOENT).');
  });
});

describe('ucwa-tray through a proxy', () => {
  it('HTTPS_PROXY from the environment, and --proxy: the message goes through the tunnel', async () => {
    const sim = await startHttpsSim();
    const proxy = await startTestProxy();
    try {
      const viaEnv = await runCli(['send', '--ca', caFile(), '--to', 'echo@contoso.com', 'via env'], { ...CLEAN, HTTPS_PROXY: proxy.url, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
      expect(viaEnv.stderr.trim()).toBe('delivered to echo@contoso.com');
      expect(proxy.tunnels).toContain(new URL(sim.url).host);
      const before = proxy.tunnels.length;
      const viaFlag = await runCli(['send', '--ca', caFile(), '--proxy', proxy.url, '--to', 'echo@contoso.com', 'via flag'], { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' });
      expect(viaFlag.code).toBe(0);
      expect(proxy.tunnels.length).toBeGreaterThan(before);
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that wants credentials: one clear line; user:password@ in --proxy signs in', async () => {
    const sim = await startHttpsSim();
    const proxy = await startTestProxy({ credentials: { user: 'ana', password: 'Pr0xy-pass' } });
    try {
      const env = { ...CLEAN, UCWA_SERVER: sim.url, UCWA_USER: 'ana@contoso.com', UCWA_PASSWORD: 'demo' };
      const refused = await runCli(['send', '--ca', caFile(), '--proxy', proxy.url, '--to', 'echo@contoso.com', 'x'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^ucwa-tray send: The proxy wants a user name and password to reach 127\.0\.0\.1:\d+ \(407\)\.$/);
      const withCredentials = proxy.url.replace('http://', 'http://ana:Pr0xy-pass@');
      const ok = await runCli(['send', '--ca', caFile(), '--proxy', withCredentials, '--to', 'echo@contoso.com', 'x'], env);
      expect(ok.stderr.trim()).toBe('delivered to echo@contoso.com');
    } finally {
      await proxy.close();
    }
  });
});
