// A faithful, stateful fake of the Electron API subset UCWA Tray uses, for tests that cannot load
// the Electron runtime (it is not installed here). Install with:
//   vi.mock('electron', () => import('../../fakes/electron'));
// and call `resetElectronFake()` in beforeEach so no state leaks between tests.

import { Emitter } from './emitter';
import type { Listener } from './emitter';
import { protocol } from './protocol';

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = handler;
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  readonly session = new FakeSession();
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  destroyed = false;
  url = '';

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Simulates the page navigating: returns true when a listener prevented it. */
  navigate(url: string, event = 'will-navigate'): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    if (!prevented) this.url = url;
    return prevented;
  }
}

export class BrowserWindow extends Emitter {
  static readonly all: BrowserWindow[] = [];
  readonly id = nextId++;
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  visible: boolean;
  focused = false;
  destroyed = false;
  loaded: string | undefined;
  /** The status our protocol handler answered the last load with (custom schemes only). */
  loadStatus: number | undefined;
  flashing = false;
  bounds = { x: 0, y: 0, width: 0, height: 0 };

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.visible = options.show !== false;
    // Like Electron, a window shown at creation takes the focus.
    this.focused = this.visible;
    BrowserWindow.all.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }

  /** Like Electron: a custom scheme is served by its `protocol.handle` handler, or the load fails. */
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.url = url;
    if (!/^(https?|file|data|about):/i.test(url)) this.loadStatus = (await protocol.request(url)).status;
  }

  async loadFile(path: string, options: { query?: Record<string, string> } = {}): Promise<void> {
    const query = new URLSearchParams(options.query ?? {}).toString();
    this.loaded = `file://${path}${query === '' ? '' : `?${query}`}`;
    this.webContents.url = this.loaded;
  }

  getSize(): [number, number] {
    return [Number(this.options.width ?? 800), Number(this.options.height ?? 600)];
  }

  show(): void {
    this.visible = true;
    this.focused = true;
    this.emit('show');
    this.emit('focus');
  }

  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.focused = true;
    this.flashing = false;
    this.emit('focus');
  }

  blur(): void {
    this.focused = false;
    this.emit('blur');
  }

  flashFrame(flag: boolean): void {
    this.flashing = flag;
  }

  setPosition(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y };
  }

  getBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    this.destroy();
  }

  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class Notification extends Emitter {
  static readonly shown: Notification[] = [];
  static supported = true;
  readonly options: Record<string, unknown>;
  visible = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
  }

  static isSupported(): boolean {
    return Notification.supported;
  }

  show(): void {
    this.visible = true;
    Notification.shown.push(this);
    this.emit('show');
  }

  close(): void {
    if (!this.visible) return;
    this.visible = false;
    this.emit('close');
  }

  /** The user clicks the notification. */
  click(): void {
    this.emit('click', {});
  }

  /** The user types a reply into it (macOS). */
  reply(text: string): void {
    this.emit('reply', {}, text);
  }

  /** The user presses an action button. */
  action(index = 0): void {
    this.emit('action', {}, index);
  }
}

export const shell = {
  opened: [] as string[],
  /** Folders and files handed to the file manager. */
  openedPaths: [] as string[],
  /** What openPath answers instead of opening (Electron resolves the error message, never rejects). */
  openPathError: '',
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
  async openPath(path: string): Promise<string> {
    if (shell.openPathError !== '') return shell.openPathError;
    shell.openedPaths.push(path);
    return '';
  },
};

/** The system clipboard, text only. */
export const clipboard = {
  text: '',
  writeText(text: string): void {
    clipboard.text = text;
  },
  readText(): string {
    return clipboard.text;
  },
};

export interface FakeInvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => Promise<unknown>;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  /** ipcMain.on listeners (electron-store registers one for its renderer helper). */
  listeners: new Map<string, Listener[]>(),
  on(channel: string, listener: Listener): void {
    ipcMain.listeners.set(channel, [...(ipcMain.listeners.get(channel) ?? []), listener]);
  },
  handle(channel: string, handler: InvokeHandler): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    ipcMain.handlers.delete(channel);
  },
  /** What a renderer's ipcRenderer.invoke would reach, with the given sender. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

const rendererEmitter = new Emitter();
export const ipcRenderer = {
  invocations: [] as { channel: string; args: unknown[] }[],
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    ipcRenderer.invocations.push({ channel, args });
    return { ok: true, value: null };
  },
  on(channel: string, listener: Listener): void {
    rendererEmitter.on(channel, listener);
  },
  removeListener(channel: string, listener: Listener): void {
    rendererEmitter.removeListener(channel, listener);
  },
  /** Main sending to this renderer. */
  emitFromMain(channel: string, payload: unknown): void {
    rendererEmitter.emit(channel, { sender: 'main' }, payload);
  },
  listenerCount(channel: string): number {
    return rendererEmitter.listenerCount(channel);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

export { Menu, Tray, app, net, powerMonitor, resetAppShellFake, safeStorage, screen } from './app-shell';
import { Menu, Tray, app, net, powerMonitor, resetAppShellFake, safeStorage, screen } from './app-shell';
export { protocol } from './protocol';
import { resetProtocolFake } from './protocol';
export { FakeUtilityProcess, utilityProcess } from './utility-process';
import { resetUtilityProcessFake, utilityProcess } from './utility-process';

export function resetElectronFake(): void {
  resetAppShellFake();
  BrowserWindow.all.length = 0;
  Notification.shown.length = 0;
  Notification.supported = true;
  shell.opened.length = 0;
  shell.openedPaths.length = 0;
  shell.openPathError = '';
  clipboard.text = '';
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.invocations.length = 0;
  contextBridge.exposed.clear();
  resetProtocolFake();
  resetUtilityProcessFake();
}

export default { BrowserWindow, Notification, shell, clipboard, ipcMain, ipcRenderer, contextBridge, app, Tray, Menu, screen, powerMonitor, safeStorage, net, protocol, utilityProcess };
