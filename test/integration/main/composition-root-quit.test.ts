// Quitting through the real composition root, against the real simulator: the app ends its
// application on the server (DELETE) before it exits, and a hung server cannot hold it longer
// than the bound (2 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { RequestLogEntry } from '../../../src/simulator/request-log';
import type * as FakeElectron from '../../fakes/electron/index';
import { startSim } from '../../support/simulator';

vi.mock('electron', () => import('../../fakes/electron/index'));
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));

const profiles: string[] = [];
afterEach(() => {
  for (const p of profiles.splice(0)) rmSync(p, { recursive: true, force: true });
});

type Electron = typeof FakeElectron;

/** A fresh app (module state and all), signed in as Ana to `server`. */
async function signedInApp(server: string): Promise<Electron> {
  vi.resetModules();
  const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-quit-'));
  profiles.push(profile);
  process.env.UCWA_TRAY_PROFILE = profile;
  const electron = (await import('electron')) as unknown as Electron;
  electron.resetElectronFake();
  await import('../../../src/main/index');
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Tray.all).toHaveLength(1));
  const [popup] = electron.BrowserWindow.getAllWindows();
  if (popup === undefined) throw new Error('no popup');
  const result = await electron.ipcMain.invoke('ucwa:invoke:signIn', { sender: { id: popup.webContents.id }, senderFrame: { url: popup.webContents.url, parent: null } }, { server, user: 'ana@contoso.com', password: 'demo', rememberMe: false });
  expect(result).toMatchObject({ ok: true });
  return electron;
}

const isApplicationDelete = (e: RequestLogEntry): boolean => e.method === 'DELETE' && /\/applications\/[^/]+$/.test(e.path);

it('quitting ends the session on the server (DELETE) before the app exits', async () => {
  const sim = await startSim();
  const electron = await signedInApp(sim.url);
  expect(sim.appsOf('ana@contoso.com')).toHaveLength(1);
  let atExit: RequestLogEntry[] = [];
  electron.app.on('quit', () => (atExit = sim.control.requests().map((e) => ({ ...e }))));
  const t0 = Date.now();
  electron.app.quit();
  // The first quit was held back for the sign-out; the app exits on its own afterwards.
  expect(electron.app.exited).toBeUndefined();
  await vi.waitFor(() => expect(electron.app.exited).toBeDefined(), { timeout: 5_000 });
  // Well inside the bound: it waited for the answer, not for the timeout.
  expect((electron.app.exited?.at ?? 0) - t0).toBeLessThan(1_500);
  const deleted = atExit.filter(isApplicationDelete);
  expect(deleted).toHaveLength(1);
  expect(deleted[0]?.status).toBe(204);
  expect(sim.appsOf('ana@contoso.com')).toHaveLength(0);
});

it('a hung server does not keep the app from exiting: it quits after the 2 s bound', async () => {
  const sim = await startSim();
  const electron = await signedInApp(sim.url);
  // From now on the server takes 8 s to answer anything.
  sim.control.delay(8_000);
  const started = Date.now();
  electron.app.quit();
  await vi.waitFor(() => expect(electron.app.exited).toBeDefined(), { timeout: 6_000 });
  const waited = (electron.app.exited?.at ?? 0) - started;
  expect(waited).toBeGreaterThanOrEqual(1_900);
  expect(waited).toBeLessThan(4_000);
  sim.control.clearFaults();
});
