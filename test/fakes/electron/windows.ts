// The fake of BrowserWindow, its webContents and their session. `close()` (and a user closing the
// window, which is the same to Electron) emits a preventable `close`, then `closed`; `destroy()`
// emits only `closed`, as Electron documents.
import { Emitter } from './emitter';
import { protocol } from './protocol';

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

export class FakeSession {
  /** Test controls: the handlers the app set. */
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = handler;
  }

  /** Test control: what Chromium's proxy resolution (system settings, PAC) answers per URL. */
  proxyAnswer: (url: string) => string = () => 'DIRECT';
  /** Test control: the domains the app allowed NTLM/Negotiate credentials for (undefined: never set). */
  ntlmDomains: string | undefined;

  /** Test control: what the network answers this session's fetch (Chromium's stack, with its cookies and NTLM). */
  fetchHandler: (url: string, init: RequestInit | undefined, session: FakeSession) => Promise<Response> = async () => new Response('no network in the fake', { status: 502 });

  async fetch(input: string, init?: RequestInit): Promise<Response> {
    return this.fetchHandler(input, init, this);
  }

  async resolveProxy(url: string): Promise<string> {
    return this.proxyAnswer(url);
  }

  allowNTLMCredentialsForDomains(domains: string): void {
    this.ntlmDomains = domains;
  }
}

/** Electron's `session` module: the default session and named partitions (one FakeSession each). */
const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(),
  fromPartition(partition: string): FakeSession {
    let known = partitions.get(partition);
    if (known === undefined) {
      known = new FakeSession();
      partitions.set(partition, known);
    }
    return known;
  },
};

export function resetSessionFake(): void {
  session.defaultSession = new FakeSession();
  partitions.clear();
}

let nextId = 1;

type Rect = { x: number; y: number; width: number; height: number };

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  readonly session = new FakeSession();
  /** Test control: what main sent to the page. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  /** Test control: the handler the app set. */
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  /** Test control: set when the window is gone. */
  destroyed = false;
  /** Test control: the page's address. */
  url = '';

  constructor() {
    super('WebContents');
  }

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

  /** Test control: the page navigates; true when a listener prevented it. */
  navigate(url: string, event = 'will-navigate'): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    if (!prevented) this.url = url;
    return prevented;
  }
}

export class BrowserWindow extends Emitter {
  /** Test control: every window created. */
  static readonly all: BrowserWindow[] = [];
  readonly id = nextId++;
  readonly webContents = new FakeWebContents();
  /** Test controls: what it was created with, and its state. */
  readonly options: Record<string, unknown>;
  visible: boolean;
  focused = false;
  destroyed = false;
  loaded: string | undefined;
  /** Test control: the status our protocol handler answered the last load with (custom schemes only). */
  loadStatus: number | undefined;
  flashing = false;
  bounds: Rect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(options: Record<string, unknown> = {}) {
    super('BrowserWindow');
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
    this.#alive();
    this.visible = true;
    this.focused = true;
    this.emit('show');
    this.emit('focus');
  }

  hide(): void {
    this.#alive();
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.#alive();
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

  getBounds(): Rect {
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

  /** As the user closing it: `close` (a listener may prevent it), then `closed`. */
  close(): void {
    this.#alive();
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true), get defaultPrevented() { return prevented; } });
    if (!prevented) this.#gone();
  }

  /** Gone at once: no `close` event (Electron: "the close event will not be emitted"), only `closed`. */
  destroy(): void {
    if (this.destroyed) return;
    this.#gone();
  }

  #gone(): void {
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }

  #alive(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}
