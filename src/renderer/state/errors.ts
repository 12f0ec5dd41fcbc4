// An error from main in the page's language: its code and detail worded from the catalogs. The
// error's `message` is English for logs and never shown. Sign-in words a few codes more precisely,
// by the method used and the certificate or proxy named.
import type { IpcError } from '../../shared/ipc-contract';
import type { SignInMethodName } from '../../shared/domain';
import { errorText } from '../../shared/error-text';
import { t } from '../i18n';

export function errorMessage(error: Pick<IpcError, 'code' | 'detail'>): string {
  return errorText(t, error);
}

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
      break;
    case 'cancelled':
      if (method === 'passive') return t('network.error.passiveCancelled');
      break;
    case 'tls':
      return certificateText(error) ?? errorMessage(error);
    case 'proxy-refused':
      return t('network.error.proxyRefused', { host: shownHost(error.host) });
    case 'proxy-auth-required':
    case 'proxy-auth-rejected':
      return t('network.error.proxyAuth', { host: shownHost(error.host) });
    default:
      break;
  }
  return errorMessage(error);
}
