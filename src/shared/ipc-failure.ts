import type { CertificateProblemName, ErrorCode } from './ipc-contract';
import { wordDetail, type ErrorDetail } from './error-detail';
import { translatorFor } from './i18n/translator';

/** The English words of a detail: an error's `message`, for logs. */
export function englishDetail(detail: ErrorDetail): string {
  return wordDetail(translatorFor('en').t, detail);
}

/**
 * Thrown by a handler to answer with a specific code and, where known, why (`detail`, worded where
 * it is shown); anything else becomes `internal`. The message is English, for logs.
 */
export class IpcFailure extends Error {
  override readonly name = 'IpcFailure';
  readonly detail: ErrorDetail | undefined;

  constructor(
    readonly code: ErrorCode,
    why: ErrorDetail | string,
    /** For `untrusted-server`: the host in question. */
    readonly host?: string,
    /** For `tls`: what is wrong with the certificate. */
    readonly certificate?: CertificateProblemName,
  ) {
    super(typeof why === 'string' ? why : englishDetail(why));
    this.detail = typeof why === 'string' ? undefined : why;
  }
}
