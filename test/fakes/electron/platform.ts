// The platform the fake plays, and what Electron does only on some platforms. The tables below are
// the fake's whole platform knowledge; test/unit/main/electron-fake-surface.test.ts checks each
// entry against the installed electron.d.ts (its @platform tags), so the fake cannot make up an
// event or a method on a platform where Electron has none.

export type FakePlatform = 'linux' | 'darwin' | 'win32';
export const FAKE_PLATFORMS: readonly FakePlatform[] = ['darwin', 'linux', 'win32'];
const ALL = FAKE_PLATFORMS;

/**
 * The events the fake emits, per Electron type, with the platforms Electron emits them on. An
 * emit the table does not allow throws: a test cannot make the OS do what it never does.
 */
export const FAKE_EVENTS: Readonly<Record<string, Readonly<Record<string, readonly FakePlatform[]>>>> = {
  App: {
    ready: ALL,
    'before-quit': ALL,
    'will-quit': ALL,
    quit: ALL,
    'window-all-closed': ALL,
    'second-instance': ALL,
    'open-url': ['darwin'],
    activate: ['darwin'],
  },
  BrowserWindow: { show: ALL, hide: ALL, focus: ALL, blur: ALL, close: ALL, closed: ALL },
  WebContents: { 'will-navigate': ALL, 'will-redirect': ALL, 'will-attach-webview': ALL, 'did-finish-load': ALL },
  Notification: { show: ALL, click: ALL, close: ALL, failed: ['darwin', 'win32'], reply: ['darwin', 'win32'], action: ['darwin', 'win32'] },
  Tray: { click: ALL },
  PowerMonitor: { suspend: ALL, resume: ALL, 'lock-screen': ['darwin', 'win32'], 'unlock-screen': ['darwin', 'win32'] },
  UtilityProcess: { spawn: ALL, exit: ALL, message: ALL },
};

/**
 * Members Electron has on some platforms only ('Type.member', static or not). Elsewhere the real
 * property is undefined: calling a method throws a TypeError, and the fake's does the same; a
 * property is left out.
 */
export const FAKE_PLATFORM_MEMBERS: Readonly<Record<string, readonly FakePlatform[]>> = {
  'App.setAppUserModelId': ['win32'],
  'App.setToastActivatorCLSID': ['win32'],
  'App.getLoginItemSettings': ['darwin', 'win32'],
  'App.setLoginItemSettings': ['darwin', 'win32'],
  'LoginItemSettings.wasOpenedAtLogin': ['darwin'],
  'App.setBadgeCount': ['linux', 'darwin'],
  'Notification.handleActivation': ['win32'],
  'SafeStorage.getSelectedStorageBackend': ['linux'],
  'Tray.getBounds': ['darwin', 'win32'],
};

let current: FakePlatform = 'linux';

/**
 * The platform the fake (and the code under test, through process.platform) runs as. Tests pin it,
 * so a suite behaves the same on a Linux, Windows or macOS host.
 */
export function setFakePlatform(platform: FakePlatform): void {
  current = platform;
  Object.defineProperty(process, 'platform', { value: platform, configurable: true, enumerable: true, writable: false });
}

export function fakePlatform(): FakePlatform {
  return current;
}

/** Throws what calling an undefined property throws, where Electron lacks `key` on this platform. */
export function requirePlatformMember(key: string): void {
  const platforms = FAKE_PLATFORM_MEMBERS[key];
  if (platforms === undefined) throw new Error(`the fake has no platform entry for ${key}`);
  if (!platforms.includes(current)) throw new TypeError(`${key} is not a function (Electron has it on ${platforms.join(', ')} only, not ${current})`);
}

/** Throws where Electron never emits `event` on `type` on this platform (or at all). */
export function requirePlatformEvent(type: string, event: string): void {
  const platforms = FAKE_EVENTS[type]?.[event];
  if (platforms === undefined) throw new Error(`Electron's ${type} has no '${event}' event the fake may emit (see test/fakes/electron/platform.ts)`);
  if (!platforms.includes(current)) throw new Error(`Electron's ${type} emits '${event}' on ${platforms.join(', ')} only, not ${current}`);
}
