// UCWA errors become the contract's closed set of codes, with words a person can act on.
import type { ErrorCode } from '../../shared/ipc-contract';
import { IpcFailure } from '../../shared/ipc-failure';
import { UcwaError, detailFromCode } from '../ucwa/index';

const CODES: Readonly<Record<string, ErrorCode>> = {
  'wrong-credentials': 'wrong-credentials',
  'auth-failed': 'wrong-credentials',
  unreachable: 'unreachable',
  timeout: 'unreachable',
  tls: 'tls',
  'bad-ca-file': 'tls',
  'proxy-auth-required': 'proxy-auth-required',
  'proxy-refused': 'proxy-refused',
  'not-ucwa': 'not-ucwa',
  'malformed-response': 'not-ucwa',
  'insecure-transport': 'insecure-transport',
  'untrusted-server': 'untrusted-server',
  'not-found': 'not-found',
  'delivery-failed': 'send-failed',
  'delivery-unconfirmed': 'send-failed',
  'invitation-failed': 'send-failed',
  'not-signed-in': 'not-signed-in',
  cancelled: 'cancelled',
};

export function toIpcFailure(error: unknown): IpcFailure {
  if (error instanceof IpcFailure) return error;
  if (error instanceof UcwaError) return new IpcFailure(CODES[error.code] ?? 'unavailable', error.detail ?? detailFromCode(error) ?? error.message, error.host, error.certificateProblem);
  return new IpcFailure('internal', 'Something went wrong in the app.');
}
