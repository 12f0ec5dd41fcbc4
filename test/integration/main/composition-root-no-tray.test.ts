// Where the desktop shows no tray icons (stock GNOME: no StatusNotifierWatcher on the session bus)
// `new Tray()` would succeed and show nothing, so the app makes no tray and falls back to an
// ordinary window: framed, in the taskbar, shown at start; closing it quits. Without screen-lock
// signals the settings say that presence follows idle time only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../fakes/electron/index';
import { fakeDesktop } from '../../fakes/session-bus/index';

vi.mock('electron', () => import('../../fakes/electron/index'));
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
vi.mock('electron-store', () => import('../../fakes/electron-store/index'));

const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-no-tray-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

it('without a tray host the popup is an ordinary window, closing it quits, and the settings explain presence', async () => {
  process.env.UCWA_TRAY_PROFILE = profile;
  const electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  fakeDesktop.reset();
  fakeDesktop.trayHost = 'none';
  fakeDesktop.screensaver = undefined;
  await import('../../../src/main/index');
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1));
  const [window] = electron.BrowserWindow.getAllWindows();
  if (window === undefined) throw new Error('no window');
  await vi.waitFor(() => expect(window.visible).toBe(true));
  expect(electron.Tray.all).toHaveLength(0);
  expect(window.options).toMatchObject({ title: 'UCWA Tray', show: false });
  expect(window.options.frame).toBeUndefined();
  expect(window.options.skipTaskbar).toBeUndefined();
  // The bus was asked and let go.
  expect(fakeDesktop.opened).toBeGreaterThan(0);

  const snapshot = async (): Promise<{ presenceNote?: string }> => ((await electron.ipcMain.invoke('ucwa:invoke:getSnapshot', { sender: { id: window.webContents.id }, senderFrame: { url: window.webContents.url, parent: null } }, {})) as { value: { presenceNote?: string } }).value;
  await vi.waitFor(async () => expect((await snapshot()).presenceNote).toMatch(/does not report screen locks/));

  // A second launch brings it forward instead of hiding it.
  window.blur();
  electron.app.emit('second-instance', {}, ['/usr/bin/ucwa-tray'], '/');
  expect(window.visible).toBe(true);
  expect(window.focused).toBe(true);
  const quitsBefore = electron.app.quitCalls;
  window.close();
  expect(electron.app.quitCalls).toBe(quitsBefore + 1);
});
