// UCWA errors become the contract's closed set of codes, with words a person can act on.
import type { ErrorCode } from '../../shared/ipc-contract';
import { IpcFailure } from '../../shared/ipc-failure';
import { UcwaError } from '../ucwa/index';
import { errorDetail, type ErrorDetail } from '../../shared/error-detail';

const CODES: Readonly<Record<string, ErrorCode>> = {
  'wrong-credentials': 'wrong-credentials',
  'auth-failed': 'wrong-credentials',
  unreachable: 'unreachable',
  timeout: 'unreachable',
  tls: 'tls',
  'bad-ca-file': 'tls',
  'proxy-auth-required': 'proxy-auth-required',
  'proxy-refused': 'unreachable',
  'not-ucwa': 'not-ucwa',
  'malformed-response': 'not-ucwa',
  'insecure-transport': 'insecure-transport',
  'untrusted-server': 'untrusted-server',
  'not-found': 'not-found',
  'delivery-failed': 'send-failed',
  'delivery-unconfirmed': 'send-failed',
  'invitation-failed': 'send-failed',
  'not-signed-in': 'not-signed-in',
};

export function toIpcFailure(error: unknown): IpcFailure {
  if (error instanceof IpcFailure) return error;
  if (error instanceof UcwaError) return new IpcFailure(CODES[error.code] ?? 'unavailable', error.detail ?? fallbackDetail(error), error.host);
  return new IpcFailure('internal', 'Something went wrong in the app.');
}

// An error thrown without a detail still gets words the UI can show: what its code tells, never its
// English message (that stays in the log).
function fallbackDetail(error: UcwaError): ErrorDetail | string {
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
      return error.status === undefined ? error.message : errorDetail('serverAnswered', { status: error.status, subcode: error.subcode ?? '' });
    default:
      return error.message;
  }
}
