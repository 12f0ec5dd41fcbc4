// Which tray image and tooltip show: one icon per presence state plus an unread variant, as a
// template image on macOS (it follows the menu bar's light or dark look), .ico on Windows.
import type { Availability, ConnectionState } from '../../shared/domain';

export const TRAY_ICON_STATES = ['online', 'busy', 'dnd', 'away', 'brb', 'offwork', 'offline', 'unknown', 'signed-out'] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

const BY_AVAILABILITY: Readonly<Record<Availability, TrayIconState>> = {
  Online: 'online',
  IdleOnline: 'away',
  Busy: 'busy',
  IdleBusy: 'busy',
  DoNotDisturb: 'dnd',
  BeRightBack: 'brb',
  Away: 'away',
  Offwork: 'offwork',
  Offline: 'offline',
  Unknown: 'unknown',
};

export function trayIconState(connection: ConnectionState, availability: Availability | undefined): TrayIconState {
  if (connection === 'signed-out' || connection === 'signing-in' || connection === 'failed') return 'signed-out';
  if (connection === 'offline' || connection === 'reconnecting') return 'offline';
  return availability === undefined ? 'unknown' : BY_AVAILABILITY[availability];
}

export function trayIconFile(state: TrayIconState, unread: boolean, platform: NodeJS.Platform): string {
  const name = `${state}${unread ? '-unread' : ''}`;
  if (platform === 'darwin') return `${name}Template.png`;
  if (platform === 'win32') return `${name}.ico`;
  return `${name}.png`;
}

export interface TrayViewModel {
  readonly name: string | undefined;
  readonly availability: Availability | undefined;
  readonly connection: ConnectionState;
  readonly connectionDetail?: string;
  readonly unread: number;
}

const AVAILABILITY_WORDS: Readonly<Record<Availability, string>> = {
  Online: 'Available',
  IdleOnline: 'Inactive',
  Busy: 'Busy',
  IdleBusy: 'Busy (inactive)',
  DoNotDisturb: 'Do not disturb',
  BeRightBack: 'Be right back',
  Away: 'Away',
  Offwork: 'Off work',
  Offline: 'Offline',
  Unknown: 'Unknown',
};

export function trayTooltip(vm: TrayViewModel): string {
  const lines = ['UCWA Tray'];
  if (vm.connection === 'signed-out') lines.push('Signed out');
  else if (vm.connection === 'signing-in') lines.push('Signing in…');
  else if (vm.connection === 'failed') lines.push(`Sign-in failed${vm.connectionDetail === undefined ? '' : `: ${vm.connectionDetail}`}`);
  else {
    lines.push(`${vm.name ?? ''} — ${vm.availability === undefined ? 'Unknown' : AVAILABILITY_WORDS[vm.availability]}`.trim());
    if (vm.connection !== 'connected') lines.push(vm.connection === 'reconnecting' ? 'Reconnecting…' : 'Offline');
  }
  if (vm.unread > 0) lines.push(`${vm.unread} unread message${vm.unread === 1 ? '' : 's'}`);
  // Windows cuts tray tooltips at 127 characters.
  return lines.join('\n').slice(0, 127);
}

export function availabilityWords(availability: Availability): string {
  return AVAILABILITY_WORDS[availability];
}
