// The rest of the fake around the app: Tray, Menu, screen, powerMonitor, safeStorage and net —
// stateful, with the behaviour Electron documents per platform (see index.ts for how to install
// the fake, platform.ts for what differs per platform).
import { app } from './app';
import { Emitter } from './emitter';
import { fakePlatform, requirePlatformMember, setFakePlatform } from './platform';

export { app } from './app';

export interface FakeMenu {
  /** Test control: the template the menu was built from. */
  readonly template: readonly Record<string, unknown>[];
}

export const Menu = {
  buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    return { template };
  },
};

type Rect = { x: number; y: number; width: number; height: number };

export class Tray extends Emitter {
  /** Test control: every tray created. */
  static readonly all: Tray[] = [];
  /** Test control: the image, tooltip and menu it shows. */
  image: string;
  toolTip = '';
  menu: FakeMenu | undefined;
  /** Test control: where the icon sits (getBounds answers it on macOS and Windows). */
  bounds: Rect = { x: 1800, y: 0, width: 24, height: 24 };

  /**
   * Never throws: on a Linux desktop without a tray host (stock GNOME) Electron creates the
   * tray all the same and the icon simply never appears. Whether there is a host is the
   * desktop's to say (src/main/platform/tray-host.ts), not the Tray's.
   */
  constructor(image: string) {
    super('Tray');
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

  getBounds(): Rect {
    requirePlatformMember('Tray.getBounds');
    return this.bounds;
  }

  /** Test control: the user activates the icon (on Linux not necessarily a left click; no bounds). */
  click(): void {
    const bounds = fakePlatform() === 'linux' ? { x: 0, y: 0, width: 0, height: 0 } : this.bounds;
    this.emit('click', {}, bounds, { x: bounds.x, y: bounds.y });
  }
}

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 24, width: 1920, height: 1056 }, scaleFactor: 1 };

export const screen = {
  /** Test control: where the mouse pointer is. */
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
  /** Test control: seconds since the last input. */
  idleSeconds = 0;

  constructor() {
    super('PowerMonitor');
  }

  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

export const powerMonitor = new FakePowerMonitor();

/** Reversible, visibly not plain text: enough to tell encrypted from not. */
export const safeStorage = {
  /** Test control: whether the OS offers encryption. */
  available: true,
  /** Test control: the Linux secret store in use. */
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return safeStorage.available;
  },
  getSelectedStorageBackend(): string {
    requirePlatformMember('SafeStorage.getSelectedStorageBackend');
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
  setFakePlatform('linux');
  Tray.all.length = 0;
  safeStorage.available = true;
  net.online = true;
  powerMonitor.idleSeconds = 0;
  app.loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
  app.dockBadge = 0;
  app.appUserModelId = undefined;
  app.toastActivatorId = undefined;
  app.exited = undefined;
  app.resetLifecycle();
}
