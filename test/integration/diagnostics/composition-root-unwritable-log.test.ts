// The app with a log folder it cannot write (a file stands where the folder should be): it starts,
// signs in and works; the log goes to stderr after one note; diagnostics still copy.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { createSimulator } from '../../../src/simulator/index';
import type * as FakeElectron from '../../fakes/electron/index';
import { FAST_SIM } from '../../support/simulator';

vi.mock('electron', () => import('../../fakes/electron/index'));
// A desktop with a tray host on its session bus (the real adapter is tested against a real bus).
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
vi.mock('electron-store', () => import('../../fakes/electron-store/index'));

const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-unwritable-log-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

it('a file where the log folder should be: the app starts and signs in, one note, the log on stderr', async () => {
  writeFileSync(join(profile, 'logs'), 'in the way');
  const stderr: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  const sim = createSimulator(FAST_SIM);
  await sim.start();
  try {
    process.env.UCWA_TRAY_PROFILE = profile;
    const electron = (await import('electron')) as unknown as typeof FakeElectron;
    electron.resetElectronFake();
    await import('../../../src/main/index');
    electron.app.makeReady();
    await vi.waitFor(() => expect(electron.Tray.all).toHaveLength(1));
    const [popup] = electron.BrowserWindow.getAllWindows();
    if (popup === undefined) throw new Error('no popup');
    const call = async (window: typeof popup, method: string, input: unknown): Promise<unknown> =>
      electron.ipcMain.invoke(`ucwa:invoke:${method}`, { sender: { id: window.webContents.id }, senderFrame: { url: window.webContents.url, parent: null } }, input);
    expect(await call(popup, 'signIn', { server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false })).toMatchObject({ ok: true });
    const notes = stderr.filter((s) => s.startsWith('[log] '));
    expect(notes).toEqual([`[log] cannot write ${join(profile, 'logs', 'ucwa-tray.log')} (EEXIST); logging to stderr instead\n`]);
    // Lines the file would have taken, debug included, reach stderr instead.
    expect(stderr.some((s) => /DEBUG ucwa: POST \/WebTicket\/oauthtoken -> 200/.test(s))).toBe(true);
    await call(popup, 'openSettings', {});
    const settings = electron.BrowserWindow.getAllWindows().find((w) => w.loaded?.includes('settings.html'));
    if (settings === undefined) throw new Error('no settings window');
    expect(await call(settings, 'copyDiagnostics', {})).toEqual({ ok: true, value: { logLines: 0 } });
    expect(electron.clipboard.readText()).toContain('Connection: connected');
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.exited).toBeDefined());
  } finally {
    spy.mockRestore();
    await sim.stop();
  }
});
