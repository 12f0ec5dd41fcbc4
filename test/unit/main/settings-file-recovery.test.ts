// A damaged settings file must never stop the app from starting. These go through the real
// electron-store (and conf, its engine) on real files; only `electron` is the test fake, because
// electron-store asks it for the user-data folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Store from 'electron-store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/main/session/in-memory-settings';
import { openAppSettings } from '../../../src/main/settings/settings-file-recovery';
import type { KeyValueStore } from '../../../src/main/settings/settings-store';
import { mountRefusal, mountTmpfs } from '../../integration/session/support/disk';
import type { MountedDisk } from '../../integration/session/support/disk';
import { app, resetElectronFake } from '../../fakes/electron/index';
import { wordAll, type CatalogText } from '../../../src/shared/catalog-text';
import { translatorFor } from '../../../src/shared/i18n/index';

// The notice carries catalog keys; the settings window and the notification word them.
const inEnglish = (notice: readonly CatalogText[] | undefined): string | undefined => (notice === undefined ? undefined : wordAll(translatorFor('en').t, notice));

vi.mock('electron', () => import('../../fakes/electron/index'));

let profile: string;
const disks: MountedDisk[] = [];
beforeEach(() => {
  resetElectronFake();
  profile = mkdtempSync(join(tmpdir(), 'ucwa-settings-'));
  app.setPath('userData', profile);
});
afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});

const file = (): string => join(profile, 'ucwa-tray.json');
const openStore = (): KeyValueStore => {
  const store = new Store({ name: 'ucwa-tray' });
  return { get: (k) => store.get(k), set: (k, v) => store.set(k, v), delete: (k) => store.delete(k) };
};
const start = () => {
  const logged: string[] = [];
  const opened = openAppSettings({ file: file(), open: openStore, now: () => new Date('2026-11-02T10:20:30.456Z'), log: (p) => logged.push(p) });
  return { ...opened, logged };
};
const asideFiles = (): string[] => readdirSync(profile).filter((f) => f.startsWith('ucwa-tray.corrupt-'));

const GOOD = JSON.stringify({ settings: { ...DEFAULT_SETTINGS, autoStart: true }, schemaVersion: 1, endpointId: '0b5e0b5e-0b5e-4b5e-8b5e-0b5e0b5e0b5e' });
const DAMAGED: readonly (readonly [string, string | Buffer, RegExp])[] = [
  ['truncated by a crash', GOOD.slice(0, GOOD.length - 17), /damaged \(not valid JSON\)/],
  ['binary garbage', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x7b, 0x00, 0x80, 0x81, 0x22]), /damaged \(not valid JSON\)/],
  ['a JSON array', '[1, 2, 3]', /did not hold settings/],
];

describe('a damaged settings file', () => {
  it('is what makes electron-store itself throw at start-up (the failure this guards against)', () => {
    writeFileSync(file(), GOOD.slice(0, 40));
    expect(() => new Store({ name: 'ucwa-tray' })).toThrow(SyntaxError);
  });

  for (const [what, content, reason] of DAMAGED) {
    it(`${what}: moved aside, defaults used, the user told once; the next start is quiet`, () => {
      writeFileSync(file(), content);
      const { settings, recovery } = start();
      expect(settings.get()).toEqual(DEFAULT_SETTINGS);
      expect(asideFiles()).toEqual(['ucwa-tray.corrupt-2026-11-02T10-20-30-456Z.json']);
      expect(readFileSync(join(profile, asideFiles()[0] ?? ''))).toEqual(Buffer.from(content));
      expect(inEnglish(recovery.notice())).toMatch(reason);
      expect(inEnglish(recovery.notice())).toContain('ucwa-tray.corrupt-2026-11-02T10-20-30-456Z.json');
      expect(settings.notice()).toEqual(recovery.notice());
      // The app goes on saving normally.
      settings.update({ startHidden: false });
      expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ settings: { startHidden: false } });
      const again = start();
      expect(again.recovery.notice()).toBeUndefined();
      expect(again.settings.get().startHidden).toBe(false);
    });
  }

  it('valid JSON with settings of the wrong shape: a copy is kept before the defaults replace it', () => {
    const wrong = JSON.stringify({ settings: { rememberMe: 'yes', notifications: { enabled: 3 } }, schemaVersion: 1 });
    writeFileSync(file(), wrong);
    const { settings, recovery } = start();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(join(profile, asideFiles()[0] ?? ''), 'utf8')).toBe(wrong);
    expect(inEnglish(recovery.notice())).toMatch(/reset to the defaults\. Some settings were unreadable \(rememberMe\)\. The old file was kept as ucwa-tray\.corrupt-/);
    const notice = recovery.notice() ?? [];
    expect(wordAll(translatorFor('de').t, notice)).toMatch(/^Ihre Einstellungen wurden auf die Standardwerte zurückgesetzt\. Einige Einstellungen waren nicht lesbar \(rememberMe\)\. Die alte Datei wurde als ucwa-tray\.corrupt-.+\.json aufbewahrt\.$/);
    expect(start().recovery.notice()).toBeUndefined();
  });

  it('a folder where the file should be (unreadable): moved aside, and the app starts', () => {
    mkdirSync(file());
    const { settings, recovery } = start();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(inEnglish(recovery.notice())).toMatch(/could not be read \(EISDIR\)/);
    expect(asideFiles()).toHaveLength(1);
    settings.update({ autoStart: true });
    expect(existsSync(file()) && JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ settings: { autoStart: true } });
  });

  it.skipIf(mountRefusal !== undefined)('on a read-only profile (a read-only tmpfs): still starts, settings in memory, and says they cannot be saved', () => {
    const disk = mountTmpfs('1m');
    disks.push(disk);
    profile = disk.dir;
    app.setPath('userData', profile);
    writeFileSync(file(), GOOD.slice(0, 30));
    disk.remount('ro');
    const { settings, recovery, logged } = start();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ autoStart: true });
    expect(settings.get().autoStart).toBe(true);
    expect(inEnglish(recovery.notice())).toMatch(/reset to the defaults\. The settings file was damaged/);
    expect(inEnglish(recovery.notice())).toMatch(/Settings cannot be saved/);
    expect(logged.some((l) => /could not be kept aside: EROFS/.test(l))).toBe(true);
  });
});
if (mountRefusal !== undefined) console.log(`settings recovery: the read-only profile case is skipped: ${mountRefusal}`);
