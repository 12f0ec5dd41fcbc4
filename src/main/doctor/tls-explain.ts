// A certificate, and Node's verdict on it, in words a user can act on. Pure: facts in, a step out.
import { said, type DoctorProblem, type DoctorStatus, type DoctorText, type DoctorWords } from '../../shared/doctor-report';
import type { TlsFacts } from './tls-probe';

export interface Explanation {
  readonly status: DoctorStatus;
  readonly seen: DoctorWords;
  readonly fix?: DoctorWords;
  readonly problem?: DoctorProblem;
}

/** A certificate that runs out within this many days is worth a warning to IT. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a trusted CA goes for this app: Node reads it from this variable at start. */
const ADD_CA = said('doctor.tls.addCa');

const UNTRUSTED_ISSUER = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);

/** A day as ISO date (the same in every language; it is what the certificate says). */
export function day(date: Date): string {
  return Number.isNaN(date.getTime()) ? '????-??-??' : date.toISOString().slice(0, 10);
}

export function explainTls(facts: TlsFacts, now: Date): Explanation {
  const cert = facts.certificate;
  const dates = { subject: cert.subject, issuer: cert.issuer, from: day(cert.validFrom), to: day(cert.validTo) };
  const seen = cert.names.length === 0 ? said('doctor.tls.noAltNames', dates) : said('doctor.tls.certificate', { ...dates, names: cert.names.join(', ') });
  const nameFix = facts.nameError === undefined ? undefined : nameMismatch(facts);
  const code = facts.authorized ? undefined : facts.authorizationError;
  const verdict = code === undefined || code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? undefined : trustProblem(code, facts, now);
  if (verdict !== undefined) {
    // Both wrong: the trust problem comes first (it needs IT), the name is said as well.
    const fix = nameFix === undefined ? verdict.fix : [...verdict.fix, said('doctor.tls.alsoName'), nameFix];
    return { status: 'fail', seen: [seen, verdict.seen], fix, problem: verdict.problem };
  }
  if (nameFix !== undefined) {
    return { status: 'fail', seen: [seen, said('doctor.tls.trustedOtherName', { host: facts.host })], fix: [nameFix], problem: 'name-mismatch' };
  }
  const daysLeft = Math.floor((cert.validTo.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      status: 'warn',
      seen: [seen, said('doctor.tls.trustedButExpiring')],
      fix: [said('doctor.tls.expiresSoonFix', { to: day(cert.validTo), days: daysLeft })],
      problem: 'expires-soon',
    };
  }
  return { status: 'ok', seen: [seen, said('doctor.tls.trustedNameMatches')] };
}

function nameMismatch(facts: TlsFacts): DoctorText {
  const names = facts.certificate.names.length > 0 ? facts.certificate.names : [facts.certificate.subject];
  // Host names are protocol data; past three, a count says how many more (no words to translate).
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` (+${names.length - 3})` : '');
  const example = names.find((n) => !n.startsWith('*.'));
  const values = { names: shown, host: facts.host };
  return example === undefined ? said('doctor.tls.nameFix', values) : said('doctor.tls.nameFixExample', { ...values, example });
}

function trustProblem(code: string, facts: TlsFacts, now: Date): { seen: DoctorText; fix: DoctorWords; problem: DoctorProblem } {
  const cert = facts.certificate;
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return { seen: said('doctor.tls.selfSigned'), fix: [said('doctor.tls.selfSignedFix', { host: facts.host }), ADD_CA, said('doctor.tls.notBefore')], problem: 'self-signed' };
  }
  if (UNTRUSTED_ISSUER.has(code)) {
    return { seen: said('doctor.tls.untrustedIssuer', { code }), fix: [said('doctor.tls.untrustedIssuerFix', { root: cert.root }), ADD_CA], problem: 'untrusted-ca' };
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return { seen: said('doctor.tls.expired', { to: day(cert.validTo) }), fix: [said('doctor.tls.expiredFix', { to: day(cert.validTo), today: day(now) })], problem: 'expired' };
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return { seen: said('doctor.tls.notYetValid', { from: day(cert.validFrom) }), fix: [said('doctor.tls.notYetValidFix', { from: day(cert.validFrom), today: day(now) })], problem: 'not-yet-valid' };
  }
  return { seen: said('doctor.tls.notAccepted', { code }), fix: [said('doctor.tls.notAcceptedFix', { host: facts.host, code })], problem: 'certificate-invalid' };
}
