import { describe, expect, it } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { CredentialTrust, serverDomain } from '../../../src/main/ucwa/trust-policy';

const trusted = (policy: CredentialTrust, url: string): boolean => policy.isTrusted(new URL(url));

/** The refusal the user reads, or undefined when the password may go to `url`. */
function refusal(policy: CredentialTrust, url: string): string | undefined {
  try {
    policy.assertTrusted(new URL(url), 'the password');
    return undefined;
  } catch (error) {
    if (!(error instanceof UcwaError)) throw error;
    expect(error.code).toBe('untrusted-server');
    return error.message;
  }
}

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

  it('a server typed as a host name, or with its trailing dot, stands for its domain', () => {
    expect(serverDomain('lyncweb.fabrikam.com.')).toBe('fabrikam.com');
    const policy = new CredentialTrust({ user: 'ana@contoso.com', server: 'lyncweb.fabrikam.com' });
    expect(trusted(policy, 'https://pool.fabrikam.com/x')).toBe(true);
    expect(trusted(policy, 'http://pool.fabrikam.com/x')).toBe(false);
  });

  it('domains written with a trailing dot (fully qualified) count as the same domains', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com.', trustedDomains: ['example.net.'] });
    expect(trusted(policy, 'https://pool.contoso.com/x')).toBe(true);
    expect(trusted(policy, 'https://pool.example.net/x')).toBe(true);
    expect(policy.ntlmAllowList()).toEqual(['contoso.com', '*.contoso.com', 'example.net', '*.example.net']);
  });

  it('an IPv6 loopback approved by the user is trusted over http, as localhost is', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com', trustedDomains: ['::1'] });
    expect(trusted(policy, 'http://[::1]:8443/x')).toBe(true);
    expect(trusted(policy, 'http://[::2]:8443/x')).toBe(false);
  });

  it('a loopback server typed by name is trusted at that host and port only', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com', server: 'http://localhost:8443' });
    expect(trusted(policy, 'http://localhost:8443/autodiscover')).toBe(true);
    expect(trusted(policy, 'http://LOCALHOST:8443/x')).toBe(true);
    expect(trusted(policy, 'http://localhost:9999/x')).toBe(false);
  });

  it('a blank or unusable server adds nothing: a fully qualified name with its trailing dot is still refused', () => {
    for (const server of ['', '   ', '.']) {
      const policy = new CredentialTrust({ user: 'ana@contoso.com', server });
      expect(trusted(policy, 'https://pool.contoso.com/x')).toBe(true);
      expect(trusted(policy, 'https://evil.example./x')).toBe(false);
    }
  });
});

describe('why a host is refused, in the words the user reads', () => {
  it('an address nobody typed: named as an address, loopback included', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com', server: 'https://lyncweb.contoso.com' });
    expect(refusal(policy, 'https://10.20.30.40/x')).toMatch(/^Not sending the password to 10\.20\.30\.40: 10\.20\.30\.40 is an address you did not give as the server/);
    expect(refusal(policy, 'https://192.168.100.200:4443/x')).toMatch(/192\.168\.100\.200:4443 is an address you did not give/);
    expect(refusal(policy, 'https://localhost/x')).toMatch(/localhost is an address you did not give/);
  });

  it('a name that only starts like an address is a name: outside the trusted domains', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com' });
    expect(refusal(policy, 'https://10.0.0.5.nip.io/x')).toMatch(/10\.0\.0\.5\.nip\.io is outside contoso\.com,/);
  });

  it('a host outside every trusted domain: each domain named, the sign-in one first', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com', server: 'https://lyncweb.fabrikam.com', trustedDomains: ['example.net'] });
    expect(refusal(policy, 'https://evil.example/x')).toBe('Not sending the password to evil.example: evil.example is outside contoso.com, fabrikam.com, example.net, so your password is not sent there.');
    expect(refusal(policy, 'https://pool.example.net/x')).toBeUndefined();
  });

  it('a sign-in address without a domain trusts no host by itself, and says so', () => {
    for (const user of ['ana', 'ana@']) {
      const policy = new CredentialTrust({ user });
      expect(refusal(policy, 'https://pool.contoso.com/x')).toMatch(/pool\.contoso\.com is outside your sign-in domain/);
    }
  });

  it('once pinned, the error names the host so the user can be asked', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com' });
    policy.pin('https://pool.contoso.com');
    let caught: unknown;
    try {
      policy.assertPinned(new URL('https://pool2.contoso.com/x'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UcwaError);
    expect((caught as UcwaError).code).toBe('untrusted-server');
    expect((caught as UcwaError).host).toBe('pool2.contoso.com');
  });
});

describe('where Windows credentials may be answered (NTLM/Negotiate allow-list)', () => {
  it('each trusted domain and its subdomains, and a typed address without its port', () => {
    const policy = new CredentialTrust({ user: 'ana@contoso.com', server: 'http://127.0.0.1:8443', trustedDomains: ['Example.NET', ' '] });
    expect(policy.ntlmAllowList()).toEqual(['contoso.com', '*.contoso.com', 'example.net', '*.example.net', '127.0.0.1']);
    expect(new CredentialTrust({ user: 'ana@contoso.com', server: 'http://[::1]:8443' }).ntlmAllowList()).toEqual(['contoso.com', '*.contoso.com', '[::1]']);
  });

  it('a sign-in address without a domain adds no entry that would match every host', () => {
    expect(new CredentialTrust({ user: 'ana@', server: 'https://lyncweb.fabrikam.com' }).ntlmAllowList()).toEqual(['fabrikam.com', '*.fabrikam.com']);
    expect(new CredentialTrust({ user: 'CONTOSO\\ana' }).ntlmAllowList()).toEqual([]);
  });
});
