// Which tray image and tooltip show: one icon per presence state plus an unread variant, as a
// template image on macOS (it follows the menu bar's light or dark look), .ico on Windows.
import type { Availability, ConnectionState } from '../../shared/domain';
import { t } from '../i18n/app-language';
import { wordDetail, type ErrorDetail } from '../../shared/error-detail';

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
  readonly connectionDetail?: ErrorDetail;
  readonly unread: number;
}

export function trayTooltip(vm: TrayViewModel): string {
  const lines = [t('common.appName')];
  if (vm.connection === 'signed-out') lines.push(t('tray.signedOut'));
  else if (vm.connection === 'signing-in') lines.push(t('tray.signingIn'));
  else if (vm.connection === 'failed') lines.push(vm.connectionDetail === undefined ? t('tray.signInFailed') : t('tray.signInFailedDetail', { detail: wordDetail(t, vm.connectionDetail) }));
  else {
    const availability = vm.availability === undefined || vm.availability === 'Unknown' ? t('tray.unknownPresence') : availabilityWords(vm.availability);
    lines.push(t('tray.nameAndPresence', { name: vm.name ?? '', availability }).trim());
    if (vm.connection !== 'connected') lines.push(vm.connection === 'reconnecting' ? t('tray.reconnecting') : t('tray.offline'));
  }
  if (vm.unread > 0) lines.push(t('common.unreadCount', { count: vm.unread }));
  // Windows cuts tray tooltips at 127 characters.
  return lines.join('\n').slice(0, 127);
}

export function availabilityWords(availability: Availability): string {
  return availability === 'Unknown' ? t('tray.unknownPresence') : t('common.availability', { availability });
}
