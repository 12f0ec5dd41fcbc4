// A certificate, and Node's verdict on it, in words a user can act on. Pure: facts in, a step out.
import type { DoctorProblem, DoctorStatus } from '../../shared/doctor-report';
import type { TlsFacts } from './tls-probe';

export interface Explanation {
  readonly status: DoctorStatus;
  readonly seen: string;
  readonly fix?: string;
  readonly problem?: DoctorProblem;
}

/** A certificate that runs out within this many days is worth a warning to IT. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a trusted CA goes for this app: Node reads it from this variable at start. */
const ADD_CA = 'Ask IT to install it as trusted on this computer; for this app, set NODE_EXTRA_CA_CERTS to the file of that certificate and start it again.';

const UNTRUSTED_ISSUER = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);

export function day(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'an unreadable date' : date.toISOString().slice(0, 10);
}

export function explainTls(facts: TlsFacts, now: Date): Explanation {
  const cert = facts.certificate;
  const seen = `Issued to ${cert.subject} by ${cert.issuer}, valid ${day(cert.validFrom)} to ${day(cert.validTo)}, for ${cert.names.length === 0 ? 'no alternative names' : cert.names.join(', ')}.`;
  const nameFix = facts.nameError === undefined ? undefined : nameMismatch(facts);
  const code = facts.authorized ? undefined : facts.authorizationError;
  const verdict = code === undefined || code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? undefined : trustProblem(code, facts, now);
  if (verdict !== undefined) {
    // Both wrong: the trust problem comes first (it needs IT), the name is said as well.
    const fix = nameFix === undefined ? verdict.fix : `${verdict.fix} Also: ${nameFix}`;
    return { status: 'fail', seen: `${seen} ${verdict.seen}`, fix, problem: verdict.problem };
  }
  if (nameFix !== undefined) {
    return { status: 'fail', seen: `${seen} Trusted by this computer, but not for ${facts.host}.`, fix: nameFix, problem: 'name-mismatch' };
  }
  const daysLeft = Math.floor((cert.validTo.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return {
      status: 'warn',
      seen: `${seen} Trusted, and the name matches.`,
      fix: `The certificate expires on ${day(cert.validTo)} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'}): tell the server's administrator to renew it, or sign-in will stop working then.`,
      problem: 'expires-soon',
    };
  }
  return { status: 'ok', seen: `${seen} Trusted by this computer, and the name matches.` };
}

function nameMismatch(facts: TlsFacts): string {
  const names = facts.certificate.names.length > 0 ? facts.certificate.names : [facts.certificate.subject];
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? `, and ${names.length - 3} more` : '');
  const example = names.find((n) => !n.startsWith('*.'));
  return `The certificate is for ${shown}, not ${facts.host}. Use the server name the certificate is for${example === undefined ? '' : ` (https://${example})`}, or ask IT to add ${facts.host} to the certificate.`;
}

function trustProblem(code: string, facts: TlsFacts, now: Date): { seen: string; fix: string; problem: DoctorProblem } {
  const cert = facts.certificate;
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return {
      seen: 'It is self-signed, and this computer does not trust it.',
      fix: `The certificate of ${facts.host} is self-signed (signed by itself, not by a certificate authority), and this computer does not trust it. If this really is your company's server, get its certificate from IT. ${ADD_CA} Do not sign in before that.`,
      problem: 'self-signed',
    };
  }
  if (UNTRUSTED_ISSUER.has(code)) {
    return {
      seen: `This computer does not trust its issuer (${code}).`,
      fix: `Your company's certificate authority (${cert.root}) is not trusted by this computer. ${ADD_CA}`,
      problem: 'untrusted-ca',
    };
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return {
      seen: `It expired on ${day(cert.validTo)}.`,
      fix: `The server's certificate expired on ${day(cert.validTo)}: its administrator must renew it. If that date has not passed yet, this computer's clock is wrong (it says ${day(now)}).`,
      problem: 'expired',
    };
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return {
      seen: `It is valid only from ${day(cert.validFrom)}.`,
      fix: `The certificate is valid only from ${day(cert.validFrom)}, but this computer's clock says ${day(now)}: set the date and time correctly.`,
      problem: 'not-yet-valid',
    };
  }
  return {
    seen: `This computer does not accept it (${code}).`,
    fix: `This computer does not accept the certificate of ${facts.host} (${code}). Show this to IT.`,
    problem: 'certificate-invalid',
  };
}
