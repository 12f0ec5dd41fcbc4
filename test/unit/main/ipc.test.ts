// The IPC wrapper: garbage to every method gives invalid-input and reaches no handler; a foreign
// sender is refused; handlers answer with Results, never thrown errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../src/shared/ipc-failure';
import { PushHub } from '../../../src/main/ipc/push-hub';
import { registerInvokeHandlers } from '../../../src/main/ipc/register-invoke-handlers';
import { OwnWindowsPolicy } from '../../../src/main/ipc/sender-policy';
import { PAGE_METHODS } from '../../../src/shared/ipc-contract';
import { METHOD_NAMES, eventChannel, invokeChannel } from '../../../src/shared/ipc-contract';
import type { InvokeHandlers, MethodName } from '../../../src/shared/ipc-contract';
import { BrowserWindow, ipcMain, resetElectronFake } from '../../fakes/electron';
import type { FakeInvokeEvent } from '../../fakes/electron';

/** Records every call, so a test can prove garbage never reached a handler. */
function recordingHandlers(calls: { method: MethodName; input: unknown; windowId: number }[], behaviour: Partial<Record<MethodName, (input: unknown) => unknown>> = {}): InvokeHandlers {
  const handlers: Record<string, (input: unknown, ctx: { windowId: number }) => Promise<unknown>> = {};
  for (const method of METHOD_NAMES) {
    handlers[method] = async (input, ctx) => {
      calls.push({ method, input, windowId: ctx.windowId });
      return behaviour[method]?.(input) ?? null;
    };
  }
  return handlers as unknown as InvokeHandlers;
}

const log = { warn: () => undefined, error: () => undefined };
let window: BrowserWindow;
let policy: OwnWindowsPolicy;

function eventFrom(w: BrowserWindow, url = 'app://ucwa-tray/popup.html', parent: unknown = null): FakeInvokeEvent {
  return { sender: { id: w.webContents.id }, senderFrame: { url, parent } };
}

beforeEach(() => {
  resetElectronFake();
  window = new BrowserWindow();
  policy = new OwnWindowsPolicy();
  policy.add(window.webContents.id, window.id, 'popup');
});

/** A window of ours showing a page that may call `method` (for checks past the capability gate). */
function windowAllowed(method: MethodName): { event: FakeInvokeEvent } | undefined {
  const page = (Object.keys(PAGE_METHODS) as (keyof typeof PAGE_METHODS)[]).find((p) => PAGE_METHODS[p].includes(method));
  if (page === undefined) return undefined;
  const w = new BrowserWindow();
  policy.add(w.webContents.id, w.id, page);
  return { event: eventFrom(w, `app://ucwa-tray/${page}.html`) };
}

describe('IPC invoke wrapper', () => {
  it('registers exactly one handler per contract method, on derived channels', () => {
    registerInvokeHandlers(ipcMain, recordingHandlers([]), policy, log);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => invokeChannel(m)).sort());
  });

  it('answers garbage to every method with invalid-input, and no handler runs', async () => {
    const calls: { method: MethodName; input: unknown; windowId: number }[] = [];
    registerInvokeHandlers(ipcMain, recordingHandlers(calls), policy, log);
    const garbage: unknown[][] = [[], [null], ['text'], [42], [[1, 2]], [{ unexpected: true }], [{ __proto__: { polluted: 1 } , extra: 1 }], [{}, {}]];
    for (const method of METHOD_NAMES) {
      // Methods no page may call are refused before their input is looked at (page-capabilities.test.ts).
      const allowed = windowAllowed(method);
      if (allowed === undefined) continue;
      for (const args of garbage) {
        if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) && Object.keys(args[0]).length === 0) continue;
        const result = (await ipcMain.invoke(invokeChannel(method), allowed.event, ...args)) as { ok: boolean; error?: { code: string } };
        expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
    }
    expect(calls).toEqual([]);
  });

  it('rejects wrong field types and values for methods with inputs', async () => {
    const calls: { method: MethodName; input: unknown; windowId: number }[] = [];
    registerInvokeHandlers(ipcMain, recordingHandlers(calls), policy, log);
    const cases: [MethodName, unknown][] = [
      ['signIn', { user: 'ana@contoso.com', password: '', rememberMe: true }],
      ['signIn', { user: 'not an address', password: 'x', rememberMe: true }],
      ['signIn', { user: 'ana@contoso.com', password: 'x', rememberMe: true, server: 'javascript:alert(1)' }],
      ['setPresence', { availability: 'Offline' }],
      ['sendMessage', { conversationId: 'c1', text: '' }],
      ['sendMessage', { conversationId: 'c1', text: 'x'.repeat(8001) }],
      ['search', { query: '   ' }],
      ['search', { query: 'ben', limit: 1000 }],
      ['getHistory', { conversationId: 'c1', limit: -1 }],
      ['updateSettings', { notifications: { enabled: 'yes' } }],
      ['openChat', { uri: 'sip:' }],
    ];
    for (const [method, input] of cases) {
      const result = (await ipcMain.invoke(invokeChannel(method), windowAllowed(method)?.event ?? eventFrom(window), input)) as { ok: boolean; error?: { code: string; message: string } };
      expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(calls).toEqual([]);
  });

  it('passes parsed input and the window id to the handler and wraps the value', async () => {
    const calls: { method: MethodName; input: unknown; windowId: number }[] = [];
    registerInvokeHandlers(ipcMain, recordingHandlers(calls, { search: () => [] }), policy, log);
    const result = await ipcMain.invoke(invokeChannel('search'), eventFrom(window), { query: '  ben  ', limit: 5 });
    expect(result).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([{ method: 'search', input: { query: 'ben', limit: 5 }, windowId: window.id }]);
  });

  it('answers only our origin, exactly: not file:, another app: host, https, a subframe or another of our pages', async () => {
    const calls: { method: MethodName; input: unknown; windowId: number }[] = [];
    registerInvokeHandlers(ipcMain, recordingHandlers(calls), policy, log);
    const stranger = new BrowserWindow();
    const refused: [string, FakeInvokeEvent][] = [
      ['a window we did not create', eventFrom(stranger)],
      ['a file: page', eventFrom(window, 'file:///app/out/renderer/popup.html')],
      ['any file: URL', eventFrom(window, 'file:///home/ana/Downloads/evil.html')],
      ['app: on another host', eventFrom(window, 'app://other/popup.html')],
      ['app: with a port', eventFrom(window, 'app://ucwa-tray:8080/popup.html')],
      ['app: with credentials', eventFrom(window, 'app://user@ucwa-tray/popup.html')],
      ['the same host on https', eventFrom(window, 'https://ucwa-tray/popup.html')],
      ['a web page', eventFrom(window, 'https://evil.example/')],
      ['a subframe of our own page', eventFrom(window, 'app://ucwa-tray/popup.html', { url: 'app://ucwa-tray/popup.html' })],
      ['another page of ours than the window was opened with', eventFrom(window, 'app://ucwa-tray/settings.html')],
      ['no frame (navigated away or gone)', { sender: { id: window.webContents.id }, senderFrame: null }],
    ];
    for (const [what, event] of refused) {
      expect(await ipcMain.invoke(invokeChannel('getSnapshot'), event, {}), what).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(calls).toEqual([]);
    // Its own page, with a query and a fragment, is answered.
    expect(await ipcMain.invoke(invokeChannel('getSnapshot'), eventFrom(window, 'app://ucwa-tray/popup.html?x=1#top'), {})).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('turns a handler\'s IpcFailure into its code and anything else into internal, without leaking the message', async () => {
    registerInvokeHandlers(
      ipcMain,
      recordingHandlers([], {
        signOut: () => {
          throw new IpcFailure('not-signed-in', 'You are not signed in.');
        },
        getSnapshot: () => {
          throw new Error('secret internal detail at /home/ana');
        },
      }),
      policy,
      log,
    );
    expect(await ipcMain.invoke(invokeChannel('signOut'), eventFrom(window), {})).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'You are not signed in.' } });
    const internal = await ipcMain.invoke(invokeChannel('getSnapshot'), eventFrom(window), {});
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong in the app.' } });
  });
});

describe('push hub', () => {
  it('queues pushes until the window says ready, then delivers in order; other windows are separate', () => {
    const hub = new PushHub();
    const other = new BrowserWindow();
    hub.add(window.id, window.webContents);
    hub.add(other.id, other.webContents);
    hub.ready(other.id);
    hub.push('typingChanged', { conversationId: 'c', typing: ['Ben'] });
    hub.push('unreadChanged', { conversationId: 'c', unread: 1, total: 1 }, [window.id]);
    expect(window.webContents.sent).toEqual([]);
    expect(other.webContents.sent.map((s) => s.channel)).toEqual([eventChannel('typingChanged')]);
    hub.ready(window.id);
    expect(window.webContents.sent.map((s) => s.channel)).toEqual([eventChannel('typingChanged'), eventChannel('unreadChanged')]);
    other.destroy();
    hub.push('typingChanged', { conversationId: 'c', typing: [] });
    expect(other.webContents.sent).toHaveLength(1);
  });
});
