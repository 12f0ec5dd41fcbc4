// The fake of ipcMain, ipcRenderer and contextBridge: handlers registered once per channel, a
// renderer's invoke reaching them with the sender the test gives, and the preload's exposure.
import { Emitter } from './emitter';
import type { Listener } from './emitter';

export interface FakeInvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => Promise<unknown>;

export const ipcMain = {
  /** Test control: the handlers registered. */
  handlers: new Map<string, InvokeHandler>(),
  /** Test control: ipcMain.on listeners (electron-store registers one for its renderer helper). */
  channelListeners: new Map<string, Listener[]>(),
  on(channel: string, listener: Listener): void {
    ipcMain.channelListeners.set(channel, [...(ipcMain.channelListeners.get(channel) ?? []), listener]);
  },
  handle(channel: string, handler: InvokeHandler): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    ipcMain.handlers.delete(channel);
  },
  /** Test control: what a renderer's ipcRenderer.invoke would reach, with the given sender. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

// Channels, not an Electron type: any channel name goes.
const rendererEmitter = new Emitter();
export const ipcRenderer = {
  /** Test control: every invoke the page made. */
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
  /** Test control: main sends to this renderer. */
  emitFromMain(channel: string, payload: unknown): void {
    rendererEmitter.emit(channel, { sender: 'main' }, payload);
  },
  listenerCount(channel: string): number {
    return rendererEmitter.listenerCount(channel);
  },
};

export const contextBridge = {
  /** Test control: what the preload exposed. */
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

export function resetIpcFake(): void {
  ipcMain.handlers.clear();
  ipcMain.channelListeners.clear();
  ipcRenderer.invocations.length = 0;
  contextBridge.exposed.clear();
}
