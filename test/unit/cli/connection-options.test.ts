import { describe, expect, it } from 'vitest';
import { CliUsageError, resolveConnection } from '../../../src/cli/connection-options';
import { formatHumanLine, formatJsonLine } from '../../../src/cli/message-format';

describe('resolveConnection', () => {
  it('lets flags win over the environment', () => {
    const env = { UCWA_SERVER: 'https://env.contoso.com', UCWA_USER: 'env@contoso.com', UCWA_PASSWORD: 'envpw' };
    expect(resolveConnection({ user: 'sip:flag@contoso.com' }, env)).toEqual({ server: 'https://env.contoso.com', user: 'flag@contoso.com', password: 'envpw', trustedDomains: [], caFiles: [] });
  });
  it('reads approved domains from --trust-domain or UCWA_TRUST_DOMAINS, and refuses what is not a domain', () => {
    const base = { user: 'a@contoso.com', password: 'pw' };
    expect(resolveConnection({ ...base, 'trust-domain': ['Example.NET', '*.fabrikam.com'] }, { UCWA_TRUST_DOMAINS: 'ignored.org' }).trustedDomains).toEqual(['example.net', 'fabrikam.com']);
    expect(resolveConnection(base, { UCWA_TRUST_DOMAINS: 'a.org, b.net' }).trustedDomains).toEqual(['a.org', 'b.net']);
    expect(() => resolveConnection({ ...base, 'trust-domain': ['https://evil.example/'] }, {})).toThrow(/--trust-domain/);
    expect(() => resolveConnection({ ...base, 'trust-domain': ['com'] }, {})).toThrow(CliUsageError);
  });

  it('reads --ca and --proxy (or UCWA_CA_FILES and UCWA_PROXY), and refuses a proxy that is not a URL without echoing it', () => {
    const base = { user: 'a@contoso.com', password: 'pw' };
    expect(resolveConnection({ ...base, ca: ['/etc/ca.pem'] }, { UCWA_CA_FILES: 'ignored.pem' }).caFiles).toEqual(['/etc/ca.pem']);
    expect(resolveConnection(base, { UCWA_CA_FILES: 'a.pem, b.pem' }).caFiles).toEqual(['a.pem', 'b.pem']);
    expect(resolveConnection({ ...base, proxy: 'http://proxy.contoso.com:8080' }, {}).proxy).toBe('http://proxy.contoso.com:8080');
    expect(resolveConnection(base, { UCWA_PROXY: 'http://p:3128' }).proxy).toBe('http://p:3128');
    expect(() => resolveConnection({ ...base, proxy: 'user:Secr3t@proxy' }, {})).toThrow(/^--proxy must be a proxy URL/);
    expect(() => resolveConnection({ ...base, proxy: 'user:Secr3t@proxy' }, {})).not.toThrow(/Secr3t/);
  });

  it('uses the server as it was checked, without the blanks around it (the trust policy reads its domain)', () => {
    const base = { user: 'a@contoso.com', password: 'pw' };
    expect(resolveConnection({ ...base, server: '  https://lyncweb.fabrikam.com ' }, {}).server).toBe('https://lyncweb.fabrikam.com');
    expect(resolveConnection(base, { UCWA_SERVER: ' https://lyncweb.fabrikam.com\t' }).server).toBe('https://lyncweb.fabrikam.com');
  });

  it('says what is missing or wrong without echoing the password', () => {
    expect(() => resolveConnection({}, {})).toThrow(/--user/);
    expect(() => resolveConnection({ user: 'a@b.c' }, {})).toThrow(/--password/);
    expect(() => resolveConnection({ user: 'nobody', password: 'hunter22' }, {})).toThrow(CliUsageError);
    try {
      resolveConnection({ user: 'a@b.c', password: 'hunter22', server: 'not a url' }, {});
    } catch (error) {
      expect(String(error)).toMatch(/--server/);
      expect(String(error)).not.toContain('hunter22');
    }
  });
});

describe('listen output', () => {
  const message = { from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, conversation: 'c1', text: 'a\nb', html: '<b>a</b>', time: new Date('2026-01-02T03:04:05Z') };
  it('prints one JSON object per line with the documented fields', () => {
    expect(JSON.parse(formatJsonLine(message))).toEqual({ from: 'sip:ben@contoso.com', fromName: 'Ben', conversation: 'c1', text: 'a\nb', html: '<b>a</b>', time: '2026-01-02T03:04:05.000Z' });
    expect(JSON.parse(formatJsonLine({ ...message, html: undefined }))).not.toHaveProperty('html');
  });
  it('keeps a human line on one line', () => {
    expect(formatHumanLine(message)).toBe('[03:04:05] Ben <sip:ben@contoso.com>: a\\nb');
  });
});
