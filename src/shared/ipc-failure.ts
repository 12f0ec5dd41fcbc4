import type { CertificateProblemName, ErrorCode } from './ipc-contract';

/** Thrown by a handler to answer with a specific code; anything else becomes `internal`. */
export class IpcFailure extends Error {
  override readonly name = 'IpcFailure';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For `untrusted-server`: the host in question. */
    readonly host?: string,
    /** For `tls`: what is wrong with the certificate. */
    readonly certificate?: CertificateProblemName,
  ) {
    super(message);
  }
}
