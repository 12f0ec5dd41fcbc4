import type { MenuItemConstructorOptions } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_STATES, trayIconFile, trayIconState, trayTooltip } from '../../../src/main/tray/tray-icon';
import { TrayController } from '../../../src/main/tray/tray-controller';
import type { TrayActions } from '../../../src/main/tray/tray-controller';
import { errorDetail } from '../../../src/shared/error-detail';

const ASSETS = join(import.meta.dirname, '../../../assets/tray');

function pngSize(file: string): number {
  const data = readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return data.readUInt32BE(16);
}

describe('tray icons', () => {
  it('exist for every state and unread variant, per platform, at 16 and 32 px', () => {
    for (const state of TRAY_ICON_STATES) {
      for (const unread of [false, true]) {
        for (const platform of ['linux', 'darwin'] as const) {
          const file = join(ASSETS, trayIconFile(state, unread, platform));
          expect(pngSize(file)).toBe(16);
          expect(pngSize(file.replace(/\.png$/, '@2x.png'))).toBe(32);
        }
        const ico = readFileSync(join(ASSETS, trayIconFile(state, unread, 'win32')));
        expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
      }
    }
  });

  it('follow presence and connection', () => {
    expect(trayIconState('connected', 'DoNotDisturb')).toBe('dnd');
    expect(trayIconState('connected', 'IdleOnline')).toBe('away');
    expect(trayIconState('connected', 'Unknown')).toBe('unknown');
    expect(trayIconState('reconnecting', 'Online')).toBe('offline');
    expect(trayIconState('signed-out', undefined)).toBe('signed-out');
  });
});

describe('tray controller', () => {
  function setup() {
    const calls: { image: string[]; tooltip: string[]; menus: MenuItemConstructorOptions[][] } = { image: [], tooltip: [], menus: [] };
    const actions: TrayActions & { log: string[] } = {
      log: [],
      setPresence: (a) => actions.log.push(`presence:${a}`),
      open: () => actions.log.push('open'),
      openSettings: () => actions.log.push('settings'),
      signOut: () => actions.log.push('sign-out'),
      quit: () => actions.log.push('quit'),
    };
    const controller = new TrayController({
      tray: { setImage: (p) => calls.image.push(p), setToolTip: (t) => calls.tooltip.push(t), setContextMenu: () => undefined },
      buildMenu: (template) => calls.menus.push(template),
      assetsDir: '/assets/tray',
      platform: 'linux',
      actions,
    });
    return { calls, actions, controller };
  }

  it('image and tooltip follow presence and the unread count', () => {
    const { calls, controller } = setup();
    controller.update({ name: 'Ana Ruiz', availability: 'Busy', connection: 'connected', unread: 0 });
    controller.update({ name: 'Ana Ruiz', availability: 'Busy', connection: 'connected', unread: 0 });
    controller.update({ name: 'Ana Ruiz', availability: 'Busy', connection: 'connected', unread: 3 });
    controller.update({ name: 'Ana Ruiz', availability: 'Online', connection: 'reconnecting', unread: 1 });
    expect(calls.image).toEqual(['/assets/tray/busy.png', '/assets/tray/busy-unread.png', '/assets/tray/offline-unread.png']);
    expect(calls.tooltip).toEqual(['UCWA Tray\nAna Ruiz — Busy', 'UCWA Tray\nAna Ruiz — Busy\n3 unread messages', 'UCWA Tray\nAna Ruiz — Available\nReconnecting…\n1 unread message']);
  });

  it('the context menu sets presence, opens, signs out and quits', () => {
    const { calls, actions, controller } = setup();
    controller.update({ name: 'Ana', availability: 'Online', connection: 'connected', unread: 0 });
    const menu = calls.menus[0] ?? [];
    const presence = menu.find((i) => i.label === 'Presence')?.submenu as MenuItemConstructorOptions[];
    expect(presence.map((i) => i.label)).toEqual(['Available', 'Busy', 'Do not disturb', 'Be right back', 'Away', 'Off work']);
    expect(presence.find((i) => i.checked)?.label).toBe('Available');
    const click = (item: MenuItemConstructorOptions | undefined): void => (item?.click as (() => void) | undefined)?.();
    click(presence[2]);
    click(menu.find((i) => i.label === 'Open UCWA Tray'));
    click(menu.find((i) => i.label === 'Sign out'));
    click(menu.find((i) => i.label === 'Quit'));
    expect(actions.log).toEqual(['presence:DoNotDisturb', 'open', 'sign-out', 'quit']);
  });

  it('says when signed out or failed', () => {
    expect(trayTooltip({ name: undefined, availability: undefined, connection: 'signed-out', unread: 0 })).toBe('UCWA Tray\nSigned out');
    expect(trayTooltip({ name: undefined, availability: undefined, connection: 'failed', connectionDetail: errorDetail('passwordNoLongerAccepted', {}), unread: 0 })).toContain('Sign-in failed: The server no longer accepts your password.');
  });
});
