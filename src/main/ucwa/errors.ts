// Errors are data with codes the callers switch on; messages are plain words and never carry a
// password or a token.
import type { CertificateProblem } from './certificate-problem';
import { errorDetail, type ErrorDetail } from '../../shared/error-detail';
import { englishDetail } from '../../shared/ipc-failure';

export type UcwaErrorCode =
  | 'wrong-credentials'
  | 'auth-failed'
  | 'unreachable'
  | 'timeout'
  /** The certificate was refused; `certificateProblem` says why (untrusted issuer, name, dates). */
  | 'tls'
  /** A CA file given in settings or with --ca cannot be used. */
  | 'bad-ca-file'
  /**
   * The proxy wants credentials (407) we do not have or that it refused; `host` is the origin the
   * request was for (the app asks its route which proxy that origin takes, and names that proxy).
   */
  | 'proxy-auth-required'
  /** The proxy would not connect us to the server (403 or another refusal of CONNECT); `host`: the origin asked for. */
  | 'proxy-refused'
  | 'not-ucwa'
  | 'malformed-response'
  | 'insecure-transport'
  /** Credentials would go to a host outside the trusted set; `host` names it so the user can be asked. */
  | 'untrusted-server'
  | 'http'
  | 'application-gone'
  | 'gone'
  | 'delivery-failed'
  /** The server accepted it, then nothing more was heard: it may or may not have arrived. Never resend on our own. */
  | 'delivery-unconfirmed'
  | 'invitation-failed'
  | 'not-found'
  | 'not-signed-in'
  | 'cancelled';

export interface UcwaErrorDetails {
  readonly status?: number;
  readonly subcode?: string;
  readonly retryAfterMs?: number;
  readonly host?: string;
  readonly certificateProblem?: CertificateProblem;
  readonly cause?: unknown;
  /** With English words of its own as the message: the detail the UI words. */
  readonly detail?: ErrorDetail;
}

export class UcwaError extends Error {
  override readonly name = 'UcwaError';
  readonly status: number | undefined;
  readonly subcode: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly host: string | undefined;
  readonly certificateProblem: CertificateProblem | undefined;
  /** Why, as a reason with arguments: worded in the user's language where it is shown. */
  readonly detail: ErrorDetail | undefined;

  constructor(
    readonly code: UcwaErrorCode,
    /** A detail (its English words become the message, for logs), or English words alone. */
    why: ErrorDetail | string,
    details: UcwaErrorDetails = {},
  ) {
    super(typeof why === 'string' ? why : englishDetail(why), details.cause === undefined ? undefined : { cause: details.cause });
    this.detail = typeof why === 'string' ? details.detail : why;
    this.status = details.status;
    this.subcode = details.subcode;
    this.retryAfterMs = details.retryAfterMs;
    this.host = details.host;
    this.certificateProblem = details.certificateProblem;
  }
}

/** The detail an error carries, if it is a UcwaError with one. */
export function detailOf(error: unknown): ErrorDetail | undefined {
  return error instanceof UcwaError ? error.detail : undefined;
}

export function isUcwaError(error: unknown, ...codes: UcwaErrorCode[]): error is UcwaError {
  return error instanceof UcwaError && (codes.length === 0 || codes.includes(error.code));
}

/** Errors worth retrying the same request for: the network, timeouts, and 5xx/429 answers. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof UcwaError)) return false;
  if (error.code === 'unreachable' || error.code === 'timeout') return true;
  return error.code === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 429 || error.status === 408);
}

// An error thrown without a detail still gets words the UI can show: what its code tells, never its
// English message (that stays in the log).
export function detailFromCode(error: UcwaError): ErrorDetail | undefined {
  switch (error.code) {
    case 'malformed-response':
      return errorDetail('malformedAnswer', {});
    case 'application-gone':
      return errorDetail('applicationGone', {});
    case 'gone':
      return errorDetail('resourceGone', {});
    case 'not-found':
      return errorDetail('resourceNotFound', {});
    case 'cancelled':
      return errorDetail('cancelled', {});
    case 'http':
      return error.status === undefined ? undefined : errorDetail('serverAnswered', { status: error.status, subcode: error.subcode ?? '' });
    default:
      return undefined;
  }
}
