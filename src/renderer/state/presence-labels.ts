// Words and colour classes for availabilities, one place for every window.
import type { Availability, ConnectionInfo } from '../../shared/domain';

const LABELS: Readonly<Record<Availability, string>> = {
  Online: 'Available',
  Busy: 'Busy',
  DoNotDisturb: 'Do not disturb',
  BeRightBack: 'Be right back',
  Away: 'Away',
  IdleOnline: 'Inactive',
  IdleBusy: 'Busy (inactive)',
  Offwork: 'Off work',
  Offline: 'Offline',
  Unknown: 'Presence unknown',
};

export const availabilityLabel = (a: Availability): string => LABELS[a];

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
      return 'Signing in…';
    case 'reconnecting': {
      const seconds = info.nextAttemptAt === undefined ? undefined : Math.max(0, Math.round((info.nextAttemptAt - now) / 1000));
      return seconds === undefined || seconds === 0 ? 'Reconnecting…' : `Reconnecting in ${seconds} s…`;
    }
    case 'offline':
      return info.detail ?? 'Offline: waiting for the network.';
    case 'failed':
      return info.detail ?? 'Signed out by the server.';
  }
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter((p) => p !== '');
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}
