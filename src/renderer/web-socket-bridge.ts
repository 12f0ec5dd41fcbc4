// The bridge over the web dev host's WebSocket: the same UcwaBridge type as the preload's, so the
// UI cannot tell them apart. Only ever connects back to the host that served the page.
import type { EventName, EventPayload, Result, UcwaBridge, Unsubscribe } from '../shared/ipc-contract';
import { METHOD_NAMES, isEventName } from '../shared/ipc-names';
import { WEB_BRIDGE_QUERY } from '../shared/web-bridge-protocol';
import type { HostToPage, PageToHost } from '../shared/web-bridge-protocol';
import type { PageContext } from './bridge';
import type { t as pageText } from './i18n';

interface Options {
  readonly socketPath: string;
  readonly context: PageContext;
  /**
   * The page's t(), passed in rather than imported: a chunk loaded on demand that imports the
   * pages' shared modules splits their chunks by who imports what, and each extra chunk costs
   * bytes in every window (issue #15).
   */
  readonly t: typeof pageText;
}

type Listener = (payload: unknown) => void;

export function connectWebSocketBridge({ socketPath, context, t }: Options): UcwaBridge {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // The host's session cookie goes with the upgrade: no secret in any URL.
  const socket = new WebSocket(`${scheme}//${location.host}${socketPath}`);
  const outbox: string[] = [];
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<Listener>>();
  let nextId = 1;

  const send = (message: PageToHost): void => {
    const text = JSON.stringify(message);
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else outbox.push(text);
  };
  const conversation = context.query.get('conversation');
  send({ t: 'hello', page: context.page, ...(conversation === null ? {} : { conversation }) });
  socket.addEventListener('open', () => {
    for (const text of outbox.splice(0)) socket.send(text);
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'unavailable', message: t('errors.devHostClosed') } });
    pending.clear();
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as HostToPage;
    if (message.t === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.t === 'event' && isEventName(message.name)) {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
    } else if (message.t === 'open') {
      const query = new URLSearchParams({ ...message.query, [WEB_BRIDGE_QUERY.socket]: socketPath });
      window.open(`${message.page}.html?${query.toString()}`, message.target);
    } else if (message.t === 'focus') {
      window.focus();
    }
  });
  const reportFocus = (): void => send({ t: 'focus', focused: document.hasFocus() && document.visibilityState === 'visible' });
  window.addEventListener('focus', reportFocus);
  window.addEventListener('blur', reportFocus);
  document.addEventListener('visibilitychange', reportFocus);

  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = (input: unknown) =>
      new Promise<Result<unknown>>((resolve) => {
        if (socket.readyState === WebSocket.CLOSING || socket.readyState === WebSocket.CLOSED) {
          resolve({ ok: false, error: { code: 'unavailable', message: t('errors.devHostClosed') } });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve);
        send({ t: 'invoke', id, method, input });
      });
  }
  api.on = <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): Unsubscribe => {
    const set = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, set);
    const wrapped = listener as Listener;
    set.add(wrapped);
    return () => set.delete(wrapped);
  };
  return Object.freeze(api) as UcwaBridge;
}
