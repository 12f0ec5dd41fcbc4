// Plain words for the error codes a user can meet, in the page's language; the main side's message
// (English) is used only where it is more specific than these.
import type { IpcError } from '../../shared/ipc-contract';
import type { SignInMethodName } from '../../shared/domain';
import { t } from '../i18n';

/** A host, or an origin (https://host:port) as the proxy errors carry it, shown as host[:port]. */
function shownHost(host: string | undefined): string {
  return (host ?? '').replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}

function certificateText(error: IpcError): string | undefined {
  const host = shownHost(error.host);
  if (host === '') return undefined;
  switch (error.certificate) {
    case 'untrusted-issuer':
      return t('network.error.untrustedIssuer', { host });
    case 'name-mismatch':
      return t('network.error.nameMismatch', { host });
    case 'expired':
      return t('network.error.expired', { host });
    case 'not-yet-valid':
      return t('network.error.notYetValid', { host });
    default:
      return undefined;
  }
}

export function signInErrorText(error: IpcError, method: SignInMethodName = 'password'): string {
  switch (error.code) {
    case 'wrong-credentials':
      if (method === 'windows') return t('network.error.windowsFailed');
      if (method === 'passive') return t('network.error.passiveFailed');
      return t('errors.wrongCredentials');
    case 'cancelled':
      return method === 'passive' ? t('network.error.passiveCancelled') : error.message;
    case 'unreachable':
      return t('errors.unreachable', { detail: error.message });
    case 'tls':
      return certificateText(error) ?? t('errors.tls', { detail: error.message });
    case 'proxy-refused':
      return t('network.error.proxyRefused', { host: shownHost(error.host) });
    case 'proxy-auth-required':
    case 'proxy-auth-rejected':
      return t('network.error.proxyAuth', { host: shownHost(error.host) });
    case 'not-ucwa':
      return t('errors.notUcwa', { detail: error.message });
    case 'insecure-transport':
      return t('errors.insecureTransport');
    default:
      return error.message;
  }
}
