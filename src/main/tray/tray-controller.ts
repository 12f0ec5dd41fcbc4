// Drives the tray: image, tooltip and context menu follow the view model; the menu's actions go
// to a typed port. The popup toggles on a left click (see popup-window.ts).
import type { MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { appLocale, t } from '../i18n/app-language';
import { SETTABLE_AVAILABILITIES } from '../../shared/domain';
import type { SettableAvailability } from '../../shared/domain';
import { availabilityWords, trayIconFile, trayIconState, trayTooltip } from './tray-icon';
import type { TrayViewModel } from './tray-icon';

export interface TrayActions {
  setPresence(availability: SettableAvailability): void;
  open(): void;
  openSettings(): void;
  signOut(): void;
  quit(): void;
}

export interface TrayLike {
  setImage(path: string): void;
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
}

export interface TrayControllerDeps {
  readonly tray: TrayLike;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => unknown;
  readonly assetsDir: string;
  readonly platform: NodeJS.Platform;
  readonly actions: TrayActions;
}

export function trayMenuTemplate(vm: TrayViewModel, actions: TrayActions): MenuItemConstructorOptions[] {
  const signedIn = vm.connection === 'connected' || vm.connection === 'reconnecting' || vm.connection === 'offline';
  return [
    { label: t('tray.open'), click: () => actions.open() },
    {
      label: t('tray.presence'),
      enabled: vm.connection === 'connected',
      submenu: SETTABLE_AVAILABILITIES.map((availability) => ({
        label: availabilityWords(availability),
        type: 'radio' as const,
        checked: vm.availability === availability,
        click: () => actions.setPresence(availability),
      })),
    },
    { type: 'separator' },
    { label: t('tray.settings'), click: () => actions.openSettings() },
    { label: t('tray.signOut'), enabled: signedIn, click: () => actions.signOut() },
    { type: 'separator' },
    // No `role: 'quit'`: a role would replace our click, which signs out cleanly first.
    { label: t('tray.quit'), click: () => actions.quit() },
  ];
}

export class TrayController {
  private last = '';

  constructor(private readonly deps: TrayControllerDeps) {}

  update(vm: TrayViewModel): void {
    // The same view in another language is a change too.
    const key = JSON.stringify([vm, appLocale()]);
    if (key === this.last) return;
    this.last = key;
    const state = trayIconState(vm.connection, vm.availability);
    this.deps.tray.setImage(join(this.deps.assetsDir, trayIconFile(state, vm.unread > 0, this.deps.platform)));
    this.deps.tray.setToolTip(trayTooltip(vm));
    this.deps.tray.setContextMenu(this.deps.buildMenu(trayMenuTemplate(vm, this.deps.actions)));
  }
}
