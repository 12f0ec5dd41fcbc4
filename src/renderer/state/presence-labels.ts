// Words and colour classes for availabilities, one place for every window.
import type { Availability, ConnectionInfo } from '../../shared/domain';
import { t } from '../i18n';
import { sayDetail } from './errors';

export const availabilityLabel = (a: Availability): string => t('common.availability', { availability: a });

/** The dot's colour family: green, red, dark red, yellow, grey. */
export function availabilityTone(a: Availability): 'available' | 'busy' | 'dnd' | 'away' | 'offline' {
  switch (a) {
    case 'Online':
      return 'available';
    case 'Busy':
    case 'IdleBusy':
      return 'busy';
    case 'DoNotDisturb':
      return 'dnd';
    case 'BeRightBack':
    case 'Away':
    case 'IdleOnline':
    case 'Offwork':
      return 'away';
    default:
      return 'offline';
  }
}

export function connectionLabel(info: ConnectionInfo, now = Date.now()): string | undefined {
  switch (info.state) {
    case 'connected':
    case 'signed-out':
      return undefined;
    case 'signing-in':
      return t('common.signingIn');
    case 'reconnecting': {
      const seconds = info.nextAttemptAt === undefined ? undefined : Math.max(0, Math.round((info.nextAttemptAt - now) / 1000));
      return seconds === undefined || seconds === 0 ? t('common.reconnecting') : t('common.reconnectingIn', { seconds });
    }
    case 'offline':
      // The general sentence until the detail's words are in (state/errors.ts).
      return (info.detail === undefined ? undefined : sayDetail(info.detail)) ?? t('common.offlineWaiting');
    case 'failed':
      return (info.detail === undefined ? undefined : sayDetail(info.detail)) ?? t('common.signedOutByServer');
  }
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter((p) => p !== '');
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}
