// Issue #14, Settings → Company certificates, through the composition root on the Electron fake:
// "Add…" shows the OS's open-file dialog (dialog.showOpenDialog, as electron.d.ts has it), a file
// that is not a PEM certificate is refused with bad-ca-file and not added, a real CA file is kept in
// the settings — and the next sign-in trusts it (the server's certificate comes from that CA,
// which nothing else on this machine trusts). Remove takes it out again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UcwaSimulator } from '../../../src/simulator/index';
import type * as FakeElectron from '../../fakes/electron/index';
import { callAs, windowsShowing as showing, type Answer, type AppWindow } from '../../support/app-windows';
import { caFile, startHttpsSim } from '../../support/corporate-network';

vi.mock('electron', () => import('../../fakes/electron/index'));
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
vi.mock('electron-store', () => import('../../fakes/electron-store/index'));

const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-ca-files-'));
let electron: typeof FakeElectron;
let sim: UcwaSimulator;

const windowsShowing = (page: string): AppWindow[] => showing(electron, page);

const call = (window: AppWindow | undefined, method: string, input: unknown): Promise<Answer> => callAs(electron, window, method, input);

function fileWith(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ucwa-not-ca-')), name);
  writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  process.env.UCWA_TRAY_PROFILE = profile;
  sim = await startHttpsSim();
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  await import('../../../src/main/index');
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Tray.all).toHaveLength(1));
});

afterAll(async () => {
  electron.app.quit();
  await vi.waitFor(() => expect(electron.app.exited).toBeDefined());
  rmSync(profile, { recursive: true, force: true });
});

describe('company certificates in settings', () => {
  it('only a PEM certificate is added; the next sign-in trusts it; Remove takes it out', async () => {
    const signIn = { server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false };
    const popup = (): AppWindow | undefined => windowsShowing('popup')[0];
    const before = await call(popup(), 'signIn', signIn);
    // What is wrong with the certificate reaches the page, which words it (en + de).
    expect(before).toMatchObject({ ok: false, error: { code: 'tls', certificate: 'untrusted-issuer', host: '127.0.0.1' } });

    await call(popup(), 'openSettings', {});
    const settings = (): AppWindow | undefined => windowsShowing('settings')[0];
    expect(await call(settings(), 'getCaFiles', {})).toEqual({ ok: true, value: [] });

    // Cancelled: nothing changes, no error.
    expect(await call(settings(), 'addCaFile', {})).toEqual({ ok: true, value: [] });
    expect(electron.dialog.shown.at(-1)?.options).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['pem', 'crt', 'cer'] }] });

    for (const wrong of [fileWith('notes.txt', 'hello'), fileWith('fake.pem', '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n'), '/no/such/ca.pem']) {
      electron.dialog.nextPick = wrong;
      const refused = await call(settings(), 'addCaFile', {});
      expect(refused, wrong).toMatchObject({ ok: false, error: { code: 'bad-ca-file' } });
      expect(await call(settings(), 'getCaFiles', {})).toEqual({ ok: true, value: [] });
    }

    const good = caFile();
    electron.dialog.nextPick = good;
    expect(await call(settings(), 'addCaFile', {})).toEqual({ ok: true, value: [good] });
    // Kept in the settings (a restart reads it again).
    expect(await call(settings(), 'getCaFiles', {})).toEqual({ ok: true, value: [good] });
    // The popup may not change them.
    expect(await call(popup(), 'addCaFile', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const after = await call(popup(), 'signIn', signIn);
    expect(after.ok).toBe(true);
    await call(popup(), 'signOut', {});

    expect(await call(settings(), 'removeCaFile', { file: good })).toEqual({ ok: true, value: [] });
    expect(await call(popup(), 'signIn', signIn)).toMatchObject({ ok: false, error: { code: 'tls' } });
  });
});
