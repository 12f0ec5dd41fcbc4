// The composition root (src/main/index.ts) on the Electron fake, launched the way the autostart
// entry launches it (`--hidden`): the app starts in the tray without showing the popup; a tray
// click shows it and it hides again when it loses the focus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../fakes/electron/index';

vi.mock('electron', () => import('../../fakes/electron/index'));
// A desktop with a tray host on its session bus (the real adapter is tested against a real bus).
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
vi.mock('electron-store', () => import('../../fakes/electron-store/index'));

type Window = InstanceType<typeof FakeElectron.BrowserWindow>;
let electron: typeof FakeElectron;
const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-login-'));
const argv = process.argv;

function popup(): Window {
  const found = electron.BrowserWindow.getAllWindows().find((w) => w.loaded?.includes('/popup.html') === true);
  if (found === undefined) throw new Error('no popup window');
  return found;
}

beforeAll(async () => {
  process.env.UCWA_TRAY_PROFILE = profile;
  process.argv = [...argv, '--hidden'];
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  await import('../../../src/main/index');
  electron.app.makeReady();
  // start() runs without a pause from whenReady to its end: once its last listener is in place, it
  // has also decided whether to show the popup.
  await vi.waitFor(() => expect(electron.app.listenerCount('before-quit')).toBeGreaterThan(0));
});

afterAll(() => {
  process.argv = argv;
  electron.app.quit();
  rmSync(profile, { recursive: true, force: true });
});

describe('launched at login', () => {
  it('starts hidden in the tray: the popup is created but not shown', () => {
    expect(electron.Tray.all).toHaveLength(1);
    expect(popup().visible).toBe(false);
  });

  it('a tray click shows the popup; losing the focus hides it', () => {
    electron.Tray.all[0]?.click();
    expect(popup().visible).toBe(true);
    expect(popup().focused).toBe(true);
    popup().blur();
    expect(popup().visible).toBe(false);
    // And again: the next click brings it back.
    electron.Tray.all[0]?.click();
    expect(popup().visible).toBe(true);
  });
});
