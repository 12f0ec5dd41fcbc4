import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/main/session/in-memory-settings';
import { PersistentSettings, SCHEMA_VERSION } from '../../../src/main/settings/settings-store';
import type { KeyValueStore } from '../../../src/main/settings/settings-store';
import { SafeStorageVault } from '../../../src/main/settings/password-vault';
import type { SafeStorageLike } from '../../../src/main/settings/password-vault';
import { desktopEntry, quoteExecArgument, setAutoStart, wasStartedAtLogin } from '../../../src/main/platform/auto-start';

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

describe('settings', () => {
  it('start from defaults, persist updates, and keep one endpoint id', () => {
    const store = memoryStore();
    const settings = new PersistentSettings(store, () => undefined);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ autoStart: true, notifications: { suppressWhenBusy: true } });
    const again = new PersistentSettings(store, () => undefined);
    expect(again.get().autoStart).toBe(true);
    expect(again.get().notifications.suppressWhenBusy).toBe(true);
    expect(again.endpointId()).toBe(settings.endpointId());
    expect(again.endpointId()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('run named migrations on old files', () => {
    const store = memoryStore({ settings: { rememberMe: true, notificationsEnabled: false, notificationSound: false } });
    const settings = new PersistentSettings(store, () => undefined);
    expect(settings.get()).toMatchObject({ rememberMe: true, notifications: { enabled: false, sound: false, showMessageText: true } });
    expect(store.data.get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(store.data.get('settings')).not.toHaveProperty('notificationsEnabled');
  });

  it('fall back to defaults and report garbage instead of crashing', () => {
    for (const garbage of ['a string', [1, 2], { rememberMe: 'yes' }, { notifications: { enabled: 3 } }]) {
      const problems: string[] = [];
      const settings = new PersistentSettings(memoryStore({ settings: garbage }), (p) => problems.push(p));
      expect(settings.get()).toEqual(DEFAULT_SETTINGS);
      expect(problems).toHaveLength(1);
    }
  });
});

function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
    decryptString: (b) => {
      const text = b.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
    getSelectedStorageBackend: () => backend,
  };
}

describe('password vault', () => {
  it('keeps the password only encrypted, and gives it back', () => {
    const store = memoryStore();
    const vault = new SafeStorageVault(fakeSafeStorage(true), store, 'linux');
    expect(vault.save('ana@contoso.com', 'S3cret!')).toBe(true);
    expect(JSON.stringify([...store.data.values()])).not.toContain('S3cret!');
    expect(vault.load('ANA@contoso.com')).toBe('S3cret!');
    vault.clear('ana@contoso.com');
    expect(vault.load('ana@contoso.com')).toBeUndefined();
  });

  it('refuses to save without real encryption (unavailable, or Linux basic_text) — no plain-text fallback', () => {
    for (const [available, backend, platform] of [[false, 'gnome_libsecret', 'win32'], [true, 'basic_text', 'linux'], [true, 'unknown', 'linux']] as const) {
      const store = memoryStore();
      const vault = new SafeStorageVault(fakeSafeStorage(available, backend), store, platform);
      expect(vault.canRemember()).toBe(false);
      expect(vault.save('ana@contoso.com', 'S3cret!')).toBe(false);
      expect(store.data.size).toBe(0);
    }
  });

  it('forgets a password that can no longer be decrypted', () => {
    const store = memoryStore();
    const vault = new SafeStorageVault(fakeSafeStorage(true), store, 'darwin');
    vault.save('ana@contoso.com', 'x');
    for (const key of store.data.keys()) store.data.set(key, Buffer.from('garbage').toString('base64'));
    expect(vault.load('ana@contoso.com')).toBeUndefined();
    expect(store.data.size).toBe(0);
  });
});

describe('auto-start', () => {
  const files = { mkdir, writeFile, rm };
  const loginItems: { openAtLogin: boolean; args?: string[] }[] = [];
  const app = { setLoginItemSettings: (s: { openAtLogin: boolean; args?: string[] }) => void loginItems.push(s), getLoginItemSettings: () => ({ openAtLogin: false }) };

  it('macOS and Windows: a login item that starts hidden', async () => {
    await setAutoStart({ platform: 'win32', app, files, env: {}, homeDir: '/h', execPath: 'C:\\UCWA Tray\\UCWA Tray.exe' }, true);
    await setAutoStart({ platform: 'darwin', app, files, env: {}, homeDir: '/h', execPath: '/Applications/UCWA Tray.app' }, false);
    expect(loginItems).toEqual([{ openAtLogin: true, args: ['--hidden'] }, { openAtLogin: false, args: ['--hidden'] }]);
  });

  it('Linux: writes and removes an XDG autostart .desktop file, using $APPIMAGE when set', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ucwa-home-'));
    const config = join(home, 'cfg');
    const deps = { platform: 'linux' as const, app, files, env: { XDG_CONFIG_HOME: config, APPIMAGE: '/opt/apps/UCWA Tray.AppImage' }, homeDir: home, execPath: '/tmp/.mount_x/ucwa-tray' };
    await setAutoStart(deps, true);
    const file = join(config, 'autostart', 'ucwa-tray.desktop');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Exec="/opt/apps/UCWA Tray.AppImage" --hidden');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    await setAutoStart(deps, false);
    expect(existsSync(file)).toBe(false);
    await setAutoStart({ ...deps, env: {} }, true);
    expect(readFileSync(join(home, '.config', 'autostart', 'ucwa-tray.desktop'), 'utf8')).toContain('Exec=/tmp/.mount_x/ucwa-tray --hidden');
  });

  it('quotes Exec arguments per the Desktop Entry spec, and knows a login start', () => {
    expect(quoteExecArgument('/usr/bin/ucwa-tray')).toBe('/usr/bin/ucwa-tray');
    expect(quoteExecArgument('/opt/my app/$bin')).toBe('"/opt/my app/\\$bin"');
    expect(desktopEntry('/usr/bin/ucwa-tray')).toContain('Exec=/usr/bin/ucwa-tray --hidden');
    expect(wasStartedAtLogin(['/usr/bin/ucwa-tray', '--hidden'])).toBe(true);
    expect(wasStartedAtLogin(['/usr/bin/ucwa-tray'], { wasOpenedAtLogin: true })).toBe(true);
    expect(wasStartedAtLogin(['/usr/bin/ucwa-tray'])).toBe(false);
  });
});
