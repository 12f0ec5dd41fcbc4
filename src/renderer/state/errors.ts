// Plain words for the error codes a user can meet; the main side's message is used when it is
// more specific than these.
import type { IpcError } from '../../shared/ipc-contract';
import { t } from '../i18n';

export function signInErrorText(error: IpcError): string {
  switch (error.code) {
    case 'wrong-credentials':
      return t('errors.wrongCredentials');
    case 'unreachable':
      return t('errors.unreachable', { detail: error.message });
    case 'tls':
      return t('errors.tls', { detail: error.message });
    case 'not-ucwa':
      return t('errors.notUcwa', { detail: error.message });
    case 'insecure-transport':
      return t('errors.insecureTransport');
    default:
      return error.message;
  }
}
