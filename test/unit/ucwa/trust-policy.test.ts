import { describe, expect, it } from 'vitest';
import { CredentialTrust, serverDomain } from '../../../src/main/ucwa/trust-policy';

const trusted = (policy: CredentialTrust, url: string): boolean => policy.isTrusted(new URL(url));

describe('CredentialTrust (§1.3)', () => {
  it('trusts https inside the sign-in domain, and refuses look-alike suffixes, other domains and plain http', () => {
    const policy = new CredentialTrust({ user: 'ana@Contoso.com' });
    expect(trusted(policy, 'https://contoso.com/x')).toBe(true);
    expect(trusted(policy, 'https://pool2.contoso.com/root')).toBe(true);
    expect(trusted(policy, 'https://evil.example/root')).toBe(false);
    expect(trusted(policy, 'https://notcontoso.com/root')).toBe(false);
    expect(trusted(policy, 'https://contoso.com.evil.example/root')).toBe(false);
    expect(trusted(policy, 'http://pool2.contoso.com/root')).toBe(false);
  });

  it("trusts the typed server's domain, and approved domains with their subdomains", () => {
    expect(serverDomain('lyncweb.fabrikam.com')).toBe('fabrikam.com');
    expect(serverDomain('fabrikam.com')).toBe('fabrikam.com');
    const policy = new CredentialTrust({ user: 'ana@contoso.com', server: 'https://lyncweb.fabrikam.com', trustedDomains: ['.Example.NET', ''] });
    expect(trusted(policy, 'https://pool.fabrikam.com/x')).toBe(true);
    expect(trusted(policy, 'https://pool.example.net/x')).toBe(true);
    expect(trusted(policy, 'https://example.net/x')).toBe(true);
    expect(trusted(policy, 'https://example.org/x')).toBe(false);
  });

  it('trusts an IP or loopback server only when typed, and then only that exact host and port', () => {
    const typed = new CredentialTrust({ user: 'ana@contoso.com', server: 'http://127.0.0.1:8443' });
    expect(trusted(typed, 'http://127.0.0.1:8443/autodiscover')).toBe(true);
    expect(trusted(typed, 'http://127.0.0.1:9999/x')).toBe(false);
    expect(trusted(typed, 'http://localhost:8443/x')).toBe(false);
    const remote = new CredentialTrust({ user: 'ana@contoso.com', server: 'https://lyncweb.contoso.com' });
    expect(trusted(remote, 'http://127.0.0.1:8443/x')).toBe(false);
    expect(trusted(remote, 'https://10.0.0.5/x')).toBe(false);
    const ip = new CredentialTrust({ user: 'ana@contoso.com', server: 'https://10.0.0.5' });
    expect(trusted(ip, 'https://10.0.0.5/x')).toBe(true);
    expect(trusted(ip, 'https://10.0.0.6/x')).toBe(false);
  });

  it('trusts what the user approved by name, even a loopback host over http, and nothing next to it', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com', server: 'http://127.0.0.1:8443', trustedDomains: ['localhost', '10.0.0.5'] });
    expect(trusted(policy, 'http://localhost:8443/x')).toBe(true);
    expect(trusted(policy, 'https://10.0.0.5/x')).toBe(true);
    expect(trusted(policy, 'http://10.0.0.5/x')).toBe(false);
    expect(trusted(policy, 'http://127.0.0.2:8443/x')).toBe(false);
  });

  it('once pinned to the application, refuses every other origin, naming it', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com' });
    policy.pin('https://pool.contoso.com');
    expect(trusted(policy, 'https://pool.contoso.com/ucwa/events')).toBe(true);
    expect(trusted(policy, 'https://pool2.contoso.com/x')).toBe(false);
    expect(() => policy.assertPinned(new URL('https://pool2.contoso.com/x'))).toThrow(/pool2\.contoso\.com/);
    policy.unpin();
    expect(trusted(policy, 'https://pool2.contoso.com/x')).toBe(true);
  });
});
