// The app starts hidden in the tray only when the OS started it at login (our --hidden argument
// on Linux and Windows, the login item's wasOpenedAtLogin on macOS) and the setting asks for it;
// started by hand it shows the popup. Each case is a fresh app on the real composition root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../fakes/electron/index';
import type { FakePlatform } from '../../fakes/electron/index';

vi.mock('electron', () => import('../../fakes/electron/index'));
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
vi.mock('electron-store', () => import('../../fakes/electron-store/index'));

const argv = [...process.argv];
const profiles: string[] = [];
afterEach(() => {
  process.argv.splice(0, process.argv.length, ...argv);
  for (const p of profiles.splice(0)) rmSync(p, { recursive: true, force: true });
});

/** A fresh app started with `args` on `platform`; resolves once start-up is over (its quit handler is in). */
async function started(platform: FakePlatform, args: string[], openedAtLogin = false): Promise<{ popupVisible: boolean; trays: number }> {
  vi.resetModules();
  const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-hidden-'));
  profiles.push(profile);
  process.env.UCWA_TRAY_PROFILE = profile;
  process.argv.splice(0, process.argv.length, argv[0] ?? 'node', 'ucwa-tray', ...args);
  const electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  electron.setFakePlatform(platform);
  electron.app.loginItem = { openAtLogin: true, wasOpenedAtLogin: openedAtLogin };
  (await import('../../fakes/session-bus/index')).fakeDesktop.reset();
  await import('../../../src/main/index');
  electron.app.makeReady();
  // The quit handler is the last thing start() sets up before it shows (or not) the popup.
  await vi.waitFor(() => expect(electron.app.listenerCount('before-quit')).toBe(1));
  await vi.waitFor(() => expect(electron.app.listenerCount('window-all-closed')).toBe(1));
  const popup = electron.BrowserWindow.getAllWindows().find((w) => w.loaded === 'app://ucwa-tray/popup.html');
  const result = { popupVisible: popup?.visible === true, trays: electron.Tray.all.length };
  electron.app.exit(0);
  return result;
}

it('started at login on Linux (--hidden from the autostart entry): hidden in the tray', async () => {
  expect(await started('linux', ['--hidden'])).toEqual({ popupVisible: false, trays: 1 });
});

it('started at login on Windows (--hidden from the login item): hidden in the tray', async () => {
  expect(await started('win32', ['--hidden'])).toEqual({ popupVisible: false, trays: 1 });
});

it('started at login on macOS (the login item says so): hidden in the tray', async () => {
  expect(await started('darwin', [], true)).toEqual({ popupVisible: false, trays: 1 });
});

it('started by hand: the popup shows, whatever the setting', async () => {
  expect(await started('linux', [])).toEqual({ popupVisible: true, trays: 1 });
  expect(await started('darwin', [], false)).toEqual({ popupVisible: true, trays: 1 });
});
