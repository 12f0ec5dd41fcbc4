// The composition root on the Electron fake and the simulator: the log file in the profile, the
// doctor from the sign-in form, "Open log folder" and "Copy diagnostics" from settings.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DoctorReport } from '../../../src/shared/doctor-report';
import { createSimulator, DEMO_DIRECTORY } from '../../../src/simulator/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import type * as FakeElectron from '../../fakes/electron/index';
import { callAs, windowsShowing as showing, type Answer, type AppWindow } from '../../support/app-windows';
import { FAST_SIM } from '../../support/simulator';

vi.mock('electron', () => import('../../fakes/electron/index'));
// A desktop with a tray host on its session bus (the real adapter is tested against a real bus).
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
vi.mock('electron-store', () => import('../../fakes/electron-store/index'));

const PASSWORD = 'Sup3r&secret=+%pw';
const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-diagnostics-'));
let electron: typeof FakeElectron;
let sim: UcwaSimulator;

const windowsShowing = (page: string): AppWindow[] => showing(electron, page);

const call = (window: AppWindow | undefined, method: string, input: unknown): Promise<Answer> => callAs(electron, window, method, input);

beforeAll(async () => {
  process.env.UCWA_TRAY_PROFILE = profile;
  const directory = { ...DEMO_DIRECTORY, users: DEMO_DIRECTORY.users.map((u) => (u.uri === 'sip:ana@contoso.com' ? { ...u, password: PASSWORD } : u)) };
  sim = createSimulator({ ...FAST_SIM, directory });
  await sim.start();
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  await import('../../../src/main/index');
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Tray.all).toHaveLength(1));
});

afterAll(async () => {
  electron.app.quit();
  await vi.waitFor(() => expect(electron.app.exited).toBeDefined());
  await sim.stop();
  rmSync(profile, { recursive: true, force: true });
});

describe('diagnostics in the app', () => {
  it('the sign-in form runs the doctor: a wrong password is found and explained, and nothing is signed in', async () => {
    const answer = await call(windowsShowing('popup')[0], 'runDoctor', { server: sim.url, user: 'ana@contoso.com', password: 'not-it' });
    expect(answer.ok).toBe(true);
    const report = answer.value as DoctorReport;
    expect(report.verdict).toBe('fail');
    expect(report.steps.find((s) => s.status === 'fail')).toMatchObject({ kind: 'token', problem: 'wrong-password' });
    expect((await call(windowsShowing('popup')[0], 'getSnapshot', {})).value).toMatchObject({ connection: { state: 'signed-out' } });
  });

  it('signs in; the log file in the profile has the connection steps and request lines, not the password', async () => {
    expect(await call(windowsShowing('popup')[0], 'signIn', { server: sim.url, user: 'ana@contoso.com', password: PASSWORD, rememberMe: false })).toMatchObject({ ok: true });
    const log = readFileSync(join(profile, 'logs', 'ucwa-tray.log'), 'utf8');
    expect(log).toMatch(/INFO {2}main: starting \{"version":"0\.1\.0"/);
    expect(log).toMatch(/INFO {2}main: connection \{"state":"signing-in"\}/);
    expect(log).toMatch(/INFO {2}main: connection \{"state":"connected"\}/);
    expect(log).toMatch(/DEBUG ucwa: POST \/WebTicket\/oauthtoken -> 200 in \d+ ms/);
    expect(log).toMatch(/WARN {2}doctor: doctor step \{"kind":"token","status":"fail","problem":"wrong-password"/);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(encodeURIComponent(PASSWORD));
    expect(log).not.toMatch(/cwt=(?!\[redacted\])/);
  });

  it('settings: "Open log folder" opens the profile\'s logs folder, and says so when it cannot', async () => {
    await call(windowsShowing('popup')[0], 'openSettings', {});
    const settings = windowsShowing('settings')[0];
    expect(await call(settings, 'openLogFolder', {})).toEqual({ ok: true, value: null });
    expect(electron.shell.openedPaths).toEqual([join(profile, 'logs')]);
    electron.shell.openPathError = 'No application is registered for folders';
    expect(await call(settings, 'openLogFolder', {})).toEqual({ ok: false, error: { code: 'unavailable', message: `The log folder could not be opened (No application is registered for folders). It is ${join(profile, 'logs')}.`, detail: { reason: 'logFolderFailed', args: { reason: 'No application is registered for folders', dir: join(profile, 'logs') } } } });
    electron.shell.openPathError = '';
    // The popup has no business with the log folder.
    expect(await call(windowsShowing('popup')[0], 'openLogFolder', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('settings: "Copy diagnostics" puts versions, state, server and the last log lines on the clipboard, and no secret', async () => {
    const settings = windowsShowing('settings')[0];
    const answer = await call(settings, 'copyDiagnostics', {});
    expect(answer).toMatchObject({ ok: true, value: { logLines: expect.any(Number) as number } });
    const text = electron.clipboard.readText();
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^UCWA Tray diagnostics, \d{4}-\d\d-\d\dT/);
    expect(lines.slice(1, 7)).toEqual([
      'App: 0.1.0',
      `Runtime: Node ${process.versions.node}`,
      expect.stringMatching(new RegExp(`^System: ${process.platform} \\S+ \\(${process.arch}\\)$`)) as string,
      'Connection: connected',
      `Server: ${sim.url} (given)`,
      `Log file: ${join(profile, 'logs', 'ucwa-tray.log')}`,
    ]);
    expect(text).toMatch(/Last \d+ log lines:\n.*INFO {2}main: starting/);
    expect(text).toMatch(/DEBUG ucwa: GET \/ucwa\/oauth\/v1\/applications\/\S+ -> 200 in \d+ ms/);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('ana@contoso.com');
    expect(text).not.toMatch(/cwt=(?!\[redacted\])/);
  });
});
