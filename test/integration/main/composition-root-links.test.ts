// sip:/im: links reaching the real composition root from the OS, on macOS (where open-url and the
// dock's activate exist): a cold start's argv, open-url before `ready`, a second launch's argv.
// Good ones open a chat once the app is up; malformed or hostile ones open nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../fakes/electron/index';

vi.mock('electron', () => import('../../fakes/electron/index'));
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
vi.mock('electron-store', () => import('../../fakes/electron-store/index'));

const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-links-'));
const argv = [...process.argv];
let electron: typeof FakeElectron;

function chats(): string[] {
  return electron.BrowserWindow.getAllWindows()
    .filter((w) => w.loaded?.startsWith('app://ucwa-tray/chat.html') === true)
    .map((w) => new URL(w.loaded ?? '').searchParams.get('conversation') ?? '');
}

beforeAll(async () => {
  process.env.UCWA_TRAY_PROFILE = profile;
  process.argv.push('--some-switch', 'sip:ben@contoso.com');
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  electron.setFakePlatform('darwin');
  await import('../../../src/main/index');
  // macOS sends a cold start's link before `ready`.
  const prevented: boolean[] = [];
  electron.app.emit('open-url', { preventDefault: () => prevented.push(true) }, 'im:<sip:carl@contoso.com>');
  electron.app.emit('open-url', { preventDefault: () => prevented.push(true) }, 'sip:dana\u0000@contoso.com');
  expect(prevented).toEqual([true, true]);
  expect(chats()).toEqual([]);
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Tray.all).toHaveLength(1));
});

afterAll(() => {
  process.argv.splice(0, process.argv.length, ...argv);
  electron.app.quit();
  rmSync(profile, { recursive: true, force: true });
});

describe('links from the OS', () => {
  it('opens the cold start\'s link and the early open-url once the app is up; not the malformed one', async () => {
    await vi.waitFor(() => expect(chats().sort()).toEqual(['chat:ben@contoso.com', 'chat:carl@contoso.com']));
  });

  it('a second launch with a hostile link opens nothing; one without a link shows the popup', async () => {
    const popup = electron.BrowserWindow.getAllWindows().find((w) => w.loaded === 'app://ucwa-tray/popup.html');
    popup?.hide();
    const before = chats().length;
    for (const link of ['sip:ben@contoso.com\r\nX-Injected: 1', `sip:${'a'.repeat(5_000)}@contoso.com`, 'sip://', 'im:<>']) {
      electron.app.emit('second-instance', {}, ['/usr/bin/ucwa-tray', link], '/');
    }
    electron.app.emit('open-url', { preventDefault: () => undefined }, 'javascript:alert(1)//sip:ben@contoso.com');
    expect(popup?.visible).toBe(false);
    electron.app.emit('second-instance', {}, ['/usr/bin/ucwa-tray', '--inspect=sip:evil@evil.example'], '/');
    expect(popup?.visible).toBe(true);
    electron.app.emit('second-instance', {}, ['/usr/bin/ucwa-tray', 'im:echo@contoso.com'], '/');
    await vi.waitFor(() => expect(chats()).toContain('chat:echo@contoso.com'));
    expect(chats()).toHaveLength(before + 1);
  });

  it('a click on the dock icon with nothing on screen brings the popup back (macOS)', () => {
    for (const w of electron.BrowserWindow.getAllWindows()) w.hide();
    electron.app.emit('activate');
    const popup = electron.BrowserWindow.getAllWindows().find((w) => w.loaded === 'app://ucwa-tray/popup.html');
    expect(popup?.visible).toBe(true);
    expect(popup?.focused).toBe(true);
  });
});
