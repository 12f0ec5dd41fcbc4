// The real composition root, the real electron-store and a settings file cut short by a crash:
// the app starts anyway, keeps the damaged file aside, and tells the user once.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../fakes/electron/index';
import { wordAll, type CatalogText } from '../../../src/shared/catalog-text';
import { translatorFor } from '../../../src/shared/i18n/index';

vi.mock('electron', () => import('../../fakes/electron/index'));
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));

const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-corrupt-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

it('starts with a truncated settings file: defaults, the file kept aside, one notice', async () => {
  const damaged = '{"settings":{"account":{"server":"","user":"ana@contoso.com"},"rememberMe":tr';
  writeFileSync(join(profile, 'ucwa-tray.json'), damaged);
  process.env.UCWA_TRAY_PROFILE = profile;
  const electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  await import('../../../src/main/index');
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Tray.all).toHaveLength(1));
  const [popup] = electron.BrowserWindow.getAllWindows();
  expect(popup?.visible).toBe(true);

  const aside = readdirSync(profile).filter((f) => /^ucwa-tray\.corrupt-.+\.json$/.test(f));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(profile, aside[0] ?? ''), 'utf8')).toBe(damaged);
  expect(existsSync(join(profile, 'ucwa-tray.json'))).toBe(false);

  expect(electron.Notification.shown.map((n) => n.options.title)).toEqual(['Settings were reset']);
  expect(String(electron.Notification.shown[0]?.options.body)).toContain(aside[0]);
  electron.Notification.shown[0]?.click();
  await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows().some((w) => (w.loaded ?? '').includes('settings.html'))).toBe(true));

  if (popup === undefined) throw new Error('no popup');
  const snapshot = (await electron.ipcMain.invoke('ucwa:invoke:getSnapshot', { sender: { id: popup.webContents.id }, senderFrame: { url: popup.webContents.url, parent: null } }, {})) as { ok: boolean; value: { settingsNotice?: readonly CatalogText[] } };
  expect(wordAll(translatorFor('en').t, snapshot.value.settingsNotice ?? [])).toMatch(/reset to the defaults\. The settings file was damaged \(not valid JSON\)/);
  // Settings save normally again, through the real store, to a fresh file (from the settings window:
  // the only page that may change them).
  const settingsWindow = electron.BrowserWindow.getAllWindows().find((w) => (w.loaded ?? '').includes('settings.html'));
  if (settingsWindow === undefined) throw new Error('no settings window');
  const saved = await electron.ipcMain.invoke('ucwa:invoke:updateSettings', { sender: { id: settingsWindow.webContents.id }, senderFrame: { url: settingsWindow.webContents.url, parent: null } }, { startHidden: false });
  expect(saved).toMatchObject({ ok: true });
  expect(JSON.parse(readFileSync(join(profile, 'ucwa-tray.json'), 'utf8'))).toMatchObject({ settings: { startHidden: false, rememberMe: false } });
});
