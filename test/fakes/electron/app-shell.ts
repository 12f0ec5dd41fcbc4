// The rest of the fake: app, Tray, Menu, screen, powerMonitor, safeStorage and net — stateful, with
// the behaviour the composition root relies on (see index.ts for how to install the fake).

import { Emitter } from './emitter';

class FakeApp extends Emitter {
  readonly paths = new Map<string, string>([['userData', '/nonexistent/ucwa-tray-user-data']]);
  readonly protocols: string[] = [];
  loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
  appUserModelId: string | undefined;
  badgeCount = 0;
  hasLock = true;
  quitCalls = 0;
  private ready = false;
  /** Set when the app would have ended (quit not prevented, or exit()), with when. */
  exited: { readonly code: number; readonly at: number } | undefined;
  private readyResolve: (() => void) | undefined;
  private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));

  /** Back to before `ready`, with no listeners: each composition-root test starts a new app. */
  resetLifecycle(): void {
    this.ready = false;
    this.readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
    this.removeAllListeners();
  }

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** The test decides when Electron is ready. */
  makeReady(): void {
    this.ready = true;
    this.readyResolve?.();
    this.emit('ready');
  }

  /** As Electron: `before-quit` may be prevented; otherwise `will-quit`, `quit`, and the app ends. */
  quit(): void {
    this.quitCalls++;
    if (this.exited !== undefined) return;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.emit('will-quit', { preventDefault: () => undefined });
    this.exit(0);
  }

  /** Ends at once, without `before-quit` (as Electron's app.exit). */
  exit(code = 0): void {
    if (this.exited !== undefined) return;
    this.exited = { code, at: Date.now() };
    this.emit('quit', {}, code);
  }

  getVersion(): string {
    return '0.1.0';
  }

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  setBadgeCount(count: number): boolean {
    if (!Number.isInteger(count) || count < 0) throw new Error('Invalid badge count');
    this.badgeCount = count;
    return true;
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }

  setAsDefaultProtocolClient(protocol: string): boolean {
    this.protocols.push(protocol);
    return true;
  }

  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { ...this.loginItem };
  }

  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { ...this.loginItem, openAtLogin: settings.openAtLogin };
  }
}

export const app = new FakeApp();

export interface FakeMenu {
  readonly template: readonly Record<string, unknown>[];
}

export const Menu = {
  buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    return { template };
  },
};

export class Tray extends Emitter {
  static readonly all: Tray[] = [];
  /** Some Linux desktops have no tray host: constructing a Tray then fails. */
  static unavailable = false;
  image: string;
  toolTip = '';
  menu: FakeMenu | undefined;
  bounds = { x: 1800, y: 0, width: 24, height: 24 };

  constructor(image: string) {
    super();
    if (Tray.unavailable) throw new Error('no system tray available');
    this.image = image;
    Tray.all.push(this);
  }

  setImage(image: string): void {
    this.image = image;
  }

  setToolTip(text: string): void {
    this.toolTip = text;
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu ?? undefined;
  }

  getBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }

  click(): void {
    this.emit('click', {}, this.bounds);
  }
}

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 24, width: 1920, height: 1056 }, scaleFactor: 1 };

export const screen = {
  cursor: { x: 1810, y: 10 },
  getCursorScreenPoint(): { x: number; y: number } {
    return { ...screen.cursor };
  },
  getDisplayNearestPoint(): typeof display {
    return display;
  },
  getPrimaryDisplay(): typeof display {
    return display;
  },
};

class FakePowerMonitor extends Emitter {
  idleSeconds = 0;

  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

export const powerMonitor = new FakePowerMonitor();

/** Reversible, visibly not plain text: enough to tell encrypted from not. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return safeStorage.available;
  },
  getSelectedStorageBackend(): string {
    return safeStorage.backend;
  },
  encryptString(text: string): Buffer {
    if (!safeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.from(`enc:${Buffer.from(text, 'utf8').reverse().toString('base64')}`);
  },
  decryptString(data: Buffer): string {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(4), 'base64').reverse().toString('utf8');
  },
};

export const net = {
  online: true,
  isOnline(): boolean {
    return net.online;
  },
};

export function resetAppShellFake(): void {
  Tray.all.length = 0;
  Tray.unavailable = false;
  safeStorage.available = true;
  net.online = true;
  powerMonitor.idleSeconds = 0;
  app.loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
  app.badgeCount = 0;
  app.exited = undefined;
  app.resetLifecycle();
}
