// The fake of Electron's `app`: its lifecycle (the test decides when it is ready; quit may be
// prevented in before-quit), paths, login items and the platform-only methods, which throw where
// Electron has none (platform.ts).
import { Emitter } from './emitter';
import { fakePlatform, requirePlatformMember } from './platform';

export interface FakeLoginItemSettings {
  openAtLogin: boolean;
  /** macOS only: Windows and Linux do not say (the app passes --hidden to itself there). */
  wasOpenedAtLogin?: boolean;
}

export class FakeApp extends Emitter {
  /** Test control: the folders getPath answers with. */
  readonly paths = new Map<string, string>([['userData', '/nonexistent/ucwa-tray-user-data']]);
  /** Test control: the schemes the app registered itself for. */
  readonly protocols: string[] = [];
  /** Test control: the OS's login item for the app (macOS, Windows). */
  loginItem: FakeLoginItemSettings = { openAtLogin: false, wasOpenedAtLogin: false };
  /** Test control: what setAppUserModelId and setToastActivatorCLSID set (Windows). */
  appUserModelId: string | undefined;
  toastActivatorId: string | undefined;
  /** Test control: the dock or launcher badge (setBadgeCount, macOS and Linux). */
  dockBadge = 0;
  /** Test control: whether this instance gets the single-instance lock. */
  hasLock = true;
  /** Test control: the OS's preferred languages (getPreferredSystemLanguages), most preferred first. */
  preferredLanguages: string[] = ['en-US'];
  /** Test control: how often quit() was called. */
  quitCalls = 0;
  /** Test control: set when the app would have ended (quit not prevented, or exit()), with when. */
  exited: { readonly code: number; readonly at: number } | undefined;
  #ready = false;
  #readyResolve: (() => void) | undefined;
  #readyPromise = new Promise<void>((resolve) => (this.#readyResolve = resolve));

  constructor() {
    super('App');
  }

  /** Test control: back to before `ready`, with no listeners (each composition-root test starts a new app). */
  resetLifecycle(): void {
    this.#ready = false;
    this.#readyPromise = new Promise<void>((resolve) => (this.#readyResolve = resolve));
    this.removeAllListeners();
  }

  /** Test control: Electron becomes ready now. */
  makeReady(): void {
    this.#ready = true;
    this.#readyResolve?.();
    this.emit('ready');
  }

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  isReady(): boolean {
    return this.#ready;
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

  /** As Electron, on every platform: a copy, most preferred first (it may be empty, e.g. on a bare Linux). */
  getPreferredSystemLanguages(): string[] {
    return [...this.preferredLanguages];
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
    requirePlatformMember('App.setBadgeCount');
    if (!Number.isInteger(count) || count < 0) throw new Error('Invalid badge count');
    this.dockBadge = count;
    return true;
  }

  setAppUserModelId(id: string): void {
    requirePlatformMember('App.setAppUserModelId');
    this.appUserModelId = id;
  }

  setToastActivatorCLSID(id: string): void {
    requirePlatformMember('App.setToastActivatorCLSID');
    // Electron: "Supplying an empty string or an unparsable value throws".
    if (!/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(id)) throw new Error('Invalid CLSID');
    this.toastActivatorId = id.startsWith('{') ? id : `{${id}}`;
  }

  setAsDefaultProtocolClient(protocol: string): boolean {
    this.protocols.push(protocol);
    return true;
  }

  getLoginItemSettings(): FakeLoginItemSettings {
    requirePlatformMember('App.getLoginItemSettings');
    const { openAtLogin, wasOpenedAtLogin } = this.loginItem;
    return fakePlatform() === 'darwin' ? { openAtLogin, wasOpenedAtLogin: wasOpenedAtLogin === true } : { openAtLogin };
  }

  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    requirePlatformMember('App.setLoginItemSettings');
    this.loginItem = { ...this.loginItem, openAtLogin: settings.openAtLogin };
  }
}

export const app = new FakeApp();
