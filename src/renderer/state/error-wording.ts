// The words for an error from main: its code and detail worded from the catalogs, a few codes more
// precisely at sign-in (by the method used, the certificate or proxy named). Loaded on demand with
// the catalog part of the errors' messages (state/errors.ts), when a window first shows an error:
// most windows never do. It imports nothing the pages load (t comes in as an argument), so loading
// it adds one chunk of its own and does not split the pages' shared ones.
import type { SignInMethodName } from '../../shared/domain';
import { wordDetail, type ErrorDetail } from '../../shared/error-detail';
import { errorText } from '../../shared/error-text';
import type { MessageValues } from '../../shared/i18n/translator';
import type { WindowMessageKey } from '../../shared/i18n/window-catalog';
import type { IpcError } from '../../shared/ipc-contract';

type Translate = (key: WindowMessageKey, values?: MessageValues) => string;

/** A host, or an origin (https://host:port) as the proxy errors carry it, shown as host[:port]. */
function shownHost(host: string | undefined): string {
  return (host ?? '').replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}

function certificateText(t: Translate, error: IpcError): string | undefined {
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

function signInErrorText(t: Translate, error: IpcError, method: SignInMethodName): string {
  switch (error.code) {
    case 'wrong-credentials':
      if (method === 'windows') return t('network.error.windowsFailed');
      if (method === 'passive') return t('network.error.passiveFailed');
      break;
    case 'cancelled':
      if (method === 'passive') return t('network.error.passiveCancelled');
      break;
    case 'tls':
      return certificateText(t, error) ?? errorText(t, error);
    case 'proxy-refused':
      return t('network.error.proxyRefused', { host: shownHost(error.host) });
    case 'proxy-auth-required':
    case 'proxy-auth-rejected':
      return t('network.error.proxyAuth', { host: shownHost(error.host) });
    default:
      break;
  }
  return errorText(t, error);
}

/** Errors worded by `t` (the page's: read when rendered, so a language change words them anew). */
export function errorWording(t: Translate) {
  return {
    error: (error: IpcError): string => errorText(t, error),
    signIn: (error: IpcError, method: SignInMethodName = 'password'): string => signInErrorText(t, error, method),
    detail: (detail: ErrorDetail): string | undefined => wordDetail(t, detail),
  };
}

export type ErrorWording = ReturnType<typeof errorWording>;
