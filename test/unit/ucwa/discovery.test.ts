import { describe, expect, it } from 'vitest';
import { discoveryCandidates, userDomain } from '../../../src/main/ucwa/discovery';
import { assertSecureUrl, isLoopbackHost } from '../../../src/main/ucwa/http-transport';

describe('discovery candidates', () => {
  it('tries lyncdiscoverinternal first, then lyncdiscover, over https', () => {
    expect(discoveryCandidates({ user: 'ana@Contoso.com' }).map((u) => u.href)).toEqual(['https://lyncdiscoverinternal.contoso.com/', 'https://lyncdiscover.contoso.com/']);
  });
  it('turns a bare host into its autodiscover root and keeps a full root URL', () => {
    expect(discoveryCandidates({ server: 'https://lyncweb.contoso.com', user: 'a@b.c' })[0]?.href).toBe('https://lyncweb.contoso.com/autodiscover/autodiscoverservice.svc/root');
    const root = 'https://lyncext.contoso.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=contoso.com';
    expect(discoveryCandidates({ server: root, user: 'a@b.c' })[0]?.href).toBe(root);
  });
  it('needs a domain when no server is given', () => {
    expect(() => userDomain('ana')).toThrow(/no domain/);
  });
});

describe('transport security', () => {
  it('allows http only to loopback', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(() => assertSecureUrl(new URL('http://127.0.0.1:8080/x'))).not.toThrow();
    expect(() => assertSecureUrl(new URL('http://lyncweb.contoso.com/x'))).toThrow(/use https/);
    expect(() => assertSecureUrl(new URL('ftp://lyncweb.contoso.com/x'))).toThrow();
  });
});
