// Where the desktop has no tray host (some Linux desktops), the app falls back to an ordinary
// window: framed, in the taskbar, shown at start, and closing it quits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../fakes/electron/index';

vi.mock('electron', () => import('../../fakes/electron/index'));
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>();
    get(key: string): unknown {
      return this.data.get(key);
    }
    set(key: string, value: unknown): void {
      this.data.set(key, value);
    }
    delete(key: string): void {
      this.data.delete(key);
    }
  },
}));

const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-no-tray-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

it('without a tray host the popup is an ordinary window, and closing it quits', async () => {
  process.env.UCWA_TRAY_PROFILE = profile;
  const electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  electron.Tray.unavailable = true;
  await import('../../../src/main/index');
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1));
  const [window] = electron.BrowserWindow.getAllWindows();
  expect(electron.Tray.all).toHaveLength(0);
  expect(window?.options).toMatchObject({ title: 'UCWA Tray', show: false });
  expect(window?.options.frame).toBeUndefined();
  expect(window?.options.skipTaskbar).toBeUndefined();
  expect(window?.visible).toBe(true);
  // A second launch brings it forward instead of hiding it.
  window?.blur();
  electron.app.emit('second-instance', {}, ['/usr/bin/ucwa-tray'], '/');
  expect(window?.visible).toBe(true);
  expect(window?.focused).toBe(true);
  const quitsBefore = electron.app.quitCalls;
  window?.close();
  expect(electron.app.quitCalls).toBe(quitsBefore + 1);
});
