// Certificate facts → the words of the report, for the cases the integration tests do not make a
// server for: expiring soon, not yet valid (a wrong clock), two problems at once, an unknown code.
import { describe, expect, it } from 'vitest';
import { explainTls as explainKeys } from '../../../src/main/doctor/tls-explain';
import { english } from './english-words';
import type { TlsFacts } from '../../../src/main/doctor/tls-probe';

const explainTls = (f: TlsFacts, now: Date) => english(explainKeys(f, now));
const NOW = new Date('2026-11-02T12:00:00Z');

function facts(overrides: Partial<TlsFacts> & { cert?: Partial<TlsFacts['certificate']> } = {}): TlsFacts {
  const { cert, ...rest } = overrides;
  return {
    host: 'lyncweb.contoso.com',
    authorized: true,
    authorizationError: undefined,
    nameError: undefined,
    ...rest,
    certificate: {
      subject: 'lyncweb.contoso.com',
      issuer: 'Contoso Issuing CA 2',
      names: ['lyncweb.contoso.com', 'lyncdiscover.contoso.com'],
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validTo: new Date('2027-01-01T00:00:00Z'),
      selfSigned: false,
      root: 'Contoso Root CA',
      fingerprint: 'AA:BB',
      ...cert,
    },
  };
}

describe('explaining a certificate', () => {
  it('a good one: ok, with subject, issuer, dates and names', () => {
    expect(explainTls(facts(), NOW)).toEqual({
      status: 'ok',
      seen: 'Issued to lyncweb.contoso.com by Contoso Issuing CA 2, valid 2026-01-01 to 2027-01-01, for lyncweb.contoso.com, lyncdiscover.contoso.com. Trusted by this computer, and the name matches.',
    });
  });

  it('one that runs out within two weeks: a warning for IT, with the date and days left', () => {
    const soon = explainTls(facts({ cert: { validTo: new Date('2026-11-09T00:00:00Z') } }), NOW);
    expect(soon).toMatchObject({ status: 'warn', problem: 'expires-soon' });
    expect(soon.fix).toBe('The certificate expires on 2026-11-09 (in 6 days): tell the server\'s administrator to renew it, or sign-in will stop working then.');
    expect(explainTls(facts({ cert: { validTo: new Date('2026-11-17T00:00:00Z') } }), NOW).status).toBe('ok');
  });

  it('not yet valid: the clock is the suspect', () => {
    const early = explainTls(facts({ authorized: false, authorizationError: 'CERT_NOT_YET_VALID', cert: { validFrom: new Date('2027-03-01T00:00:00Z') } }), NOW);
    expect(early).toMatchObject({ status: 'fail', problem: 'not-yet-valid' });
    expect(early.fix).toBe("The certificate is valid only from 2027-03-01, but this computer's clock says 2026-11-02: set the date and time correctly.");
  });

  it('an untrusted chain names the root to install; SELF_SIGNED_CERT_IN_CHAIN is the same story', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      const untrusted = explainTls(facts({ authorized: false, authorizationError: code }), NOW);
      expect(untrusted.problem, code).toBe('untrusted-ca');
      expect(untrusted.fix, code).toMatch(/^Your company's certificate authority \(Contoso Root CA\) is not trusted by this computer\. .*NODE_EXTRA_CA_CERTS/);
    }
  });

  it('untrusted and for another name: the trust problem first, the name as well', () => {
    const both = explainTls(facts({ authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', nameError: "Host: lyncweb.contoso.com. is not in the cert's altnames: DNS:*.fabrikam.net", cert: { names: ['*.fabrikam.net'], subject: '*.fabrikam.net', issuer: '*.fabrikam.net' } }), NOW);
    expect(both.problem).toBe('self-signed');
    // A wildcard is no address to suggest.
    expect(both.fix).toMatch(/Also: The certificate is for \*\.fabrikam\.net, not lyncweb\.contoso\.com\. Use the server name the certificate is for, or ask IT to add lyncweb\.contoso\.com to the certificate\.$/);
  });

  it('a code it has no words for is still shown, for IT', () => {
    expect(explainTls(facts({ authorized: false, authorizationError: 'CERT_REVOKED' }), NOW)).toMatchObject({ status: 'fail', problem: 'certificate-invalid', fix: 'This computer does not accept the certificate of lyncweb.contoso.com (CERT_REVOKED). Show this to IT.' });
  });
});
