// What is wrong with a server's certificate, from the codes OpenSSL and Node put on the error. Each
// problem has its own words: an untrusted company CA needs IT or a CA file, a name mismatch needs
// the right server name, an expired certificate needs the server's administrator (or the clock).
import type { MessageKey } from '../../shared/i18n/index';

export type CertificateProblem = 'untrusted-issuer' | 'name-mismatch' | 'expired' | 'not-yet-valid' | 'other';

const UNTRUSTED_ISSUER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

export const CERTIFICATE_PROBLEM_KEYS: Readonly<Record<CertificateProblem, MessageKey>> = {
  'untrusted-issuer': 'corporateNetwork.certificate.untrustedIssuer',
  'name-mismatch': 'corporateNetwork.certificate.nameMismatch',
  expired: 'corporateNetwork.certificate.expired',
  'not-yet-valid': 'corporateNetwork.certificate.notYetValid',
  other: 'corporateNetwork.certificate.other',
};

/** The problem the first certificate code names, or undefined when none of the codes is about a certificate. */
export function certificateProblemOf(codes: readonly string[]): CertificateProblem | undefined {
  for (const code of codes) {
    if (UNTRUSTED_ISSUER.has(code)) return 'untrusted-issuer';
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'name-mismatch';
    if (code === 'CERT_HAS_EXPIRED') return 'expired';
    if (code === 'CERT_NOT_YET_VALID') return 'not-yet-valid';
  }
  return codes.some((c) => /CERT|SSL|TLS|HOSTNAME|ALTNAME/i.test(c)) ? 'other' : undefined;
}
