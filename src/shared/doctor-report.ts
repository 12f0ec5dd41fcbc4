// What the connection doctor found, step by step: the same data for the sign-in page's list and
// for `ucwa-tray doctor`. Every step says what was seen and, when something is wrong, what to do —
// as catalog keys with arguments, worded where the report is shown (the doctor runs in main or
// the CLI, which need not speak the user's language when it runs).
import { said, wordAll, type CatalogText } from './catalog-text';

/** One whole sentence (or title) of the report. */
export type DoctorText = CatalogText;
/** Sentences in order; each is whole in every language, so they can follow one another. */
export type DoctorWords = readonly DoctorText[];
export { said };
export const wordDoctor = wordAll;

export const DOCTOR_STEP_KINDS = ['candidates', 'dns', 'tcp', 'tls', 'autodiscover', 'challenge', 'token', 'application'] as const;
export type DoctorStepKind = (typeof DOCTOR_STEP_KINDS)[number];

export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** A closed set, so callers (and tests) can switch on what went wrong rather than on words. */
export type DoctorProblem =
  | 'bad-address'
  | 'dns-not-found'
  | 'dns-failed'
  | 'refused'
  | 'tcp-timeout'
  | 'no-route'
  | 'tcp-failed'
  /** The proxy sign-in goes through refused to open a tunnel to the server. */
  | 'proxy-refused'
  /** The proxy sign-in goes through wants a user name and password (407). */
  | 'proxy-auth-required'
  | 'insecure-transport'
  | 'tls-handshake'
  | 'self-signed'
  | 'untrusted-ca'
  | 'name-mismatch'
  | 'expired'
  | 'not-yet-valid'
  | 'expires-soon'
  | 'certificate-invalid'
  | 'not-ucwa'
  | 'redirect-refused'
  | 'no-challenge'
  | 'no-password-grant'
  | 'untrusted-server'
  | 'no-password'
  | 'wrong-password'
  | 'auth-failed'
  | 'server-error'
  | 'unreachable';

export interface DoctorStep {
  readonly kind: DoctorStepKind;
  /** Short, with the host it is about: "Certificate of lyncweb.contoso.com". */
  readonly title: DoctorText;
  readonly status: DoctorStatus;
  /** What was seen, in plain words (never a password or token). */
  readonly seen: DoctorWords;
  /** What to do about it, when there is something to do. */
  readonly fix?: DoctorWords;
  readonly problem?: DoctorProblem;
}

export interface DoctorReport {
  readonly user: string;
  /** The server given, or absent when it was discovered from the address's domain. */
  readonly server?: string;
  readonly steps: readonly DoctorStep[];
  /** The worst status of any step (skipped steps do not count). */
  readonly verdict: 'ok' | 'warn' | 'fail';
  /** One sentence: the first failure's fix, or that everything needed to sign in works. */
  readonly summary: DoctorWords;
  /** The grant types the server's challenge offered (password, urn:microsoft.rtc:windows, …), when it got that far. */
  readonly grantTypes?: readonly string[];
  /** The proxy the app or CLI would use for the server (http://host:port), or "direct". */
  readonly proxy?: string;
}
