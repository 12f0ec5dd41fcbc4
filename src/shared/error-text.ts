// An IPC error in words, for whoever shows it (a window, the CLI): one sentence for the code, then
// the detail's sentence when there is one. The English `message` is never shown.
import type { ErrorCode, IpcError } from './ipc-contract';
import { wordDetail, type ErrorDetail } from './error-detail';
import type { MessageValues } from './i18n/translator';
import type { WindowMessageKey } from './i18n/window-catalog';

/** The sentence for each code: a compile error when a code has none. */
export const ERROR_CODE_KEYS: { readonly [C in ErrorCode]: WindowMessageKey } = {
  'invalid-input': 'errors.code.invalidInput',
  'forbidden-sender': 'errors.code.forbiddenSender',
  forbidden: 'errors.code.forbidden',
  'not-signed-in': 'errors.code.notSignedIn',
  'wrong-credentials': 'errors.code.wrongCredentials',
  unreachable: 'errors.code.unreachable',
  tls: 'errors.code.tls',
  'not-ucwa': 'errors.code.notUcwa',
  'insecure-transport': 'errors.code.insecureTransport',
  'untrusted-server': 'errors.code.untrustedServer',
  'proxy-auth-required': 'errors.code.proxyAuthRequired',
  'proxy-auth-rejected': 'errors.code.proxyAuthRejected',
  'proxy-refused': 'errors.code.proxyRefused',
  'bad-ca-file': 'errors.code.badCaFile',
  cancelled: 'errors.code.cancelled',
  'not-found': 'errors.code.notFound',
  'send-failed': 'errors.code.sendFailed',
  unavailable: 'errors.code.unavailable',
  internal: 'errors.code.internal',
};

type Translate = (key: WindowMessageKey, values?: MessageValues) => string;

export function errorText(t: Translate, error: { readonly code: IpcError['code']; readonly detail?: ErrorDetail | undefined }): string {
  const summary = t(ERROR_CODE_KEYS[error.code]);
  return error.detail === undefined ? summary : t('errors.withDetail', { summary, detail: wordDetail(t, error.detail) });
}
