// The preload: builds `window.ucwa` from the contract's keys and exposes nothing else — never
// ipcRenderer itself. Bundled to one CommonJS file, as a sandboxed preload must be.
//
// Every window gets the whole contract here, not only its page's methods: which page a window shows
// is main's knowledge (it opened the window), and main refuses the rest (`forbidden`, PAGE_METHODS).
// A filter here would only repeat that on the renderer's side of the boundary, from a page name it
// would have to read from the page's own URL.
import { contextBridge, ipcRenderer } from 'electron';
import type { UcwaBridge } from '../shared/ipc-contract';
import { METHOD_NAMES, eventChannel, invokeChannel, isEventName } from '../shared/ipc-names';
import type { EventName } from '../shared/ipc-names';

function buildBridge(): UcwaBridge {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) api[name] = (input: unknown) => ipcRenderer.invoke(invokeChannel(name), input);
  api.on = (name: EventName, listener: (payload: unknown) => void) => {
    if (!isEventName(name) || typeof listener !== 'function') throw new TypeError(`unknown event ${String(name)}`);
    const channel = eventChannel(name);
    // The IPC event object (with its sender) never reaches the page, only the payload.
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
  return Object.freeze(api) as UcwaBridge;
}

contextBridge.exposeInMainWorld('ucwa', buildBridge());
