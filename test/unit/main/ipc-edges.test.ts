// The IPC layer's edges: the words a refused or malformed call gets back, what is logged (the
// method and why, never the input), unregistering, and the push queue's bounds and lifecycle.
import { beforeEach, describe, expect, it } from 'vitest';
import { PushHub } from '../../../src/main/ipc/push-hub';
import { invokeOne, registerInvokeHandlers } from '../../../src/main/ipc/register-invoke-handlers';
import { OwnWindowsPolicy } from '../../../src/main/ipc/sender-policy';
import { METHOD_NAMES, invokeChannel } from '../../../src/shared/ipc-contract';
import type { InvokeHandlers } from '../../../src/shared/ipc-contract';
import { BrowserWindow, ipcMain, resetElectronFake } from '../../fakes/electron';

const POPUP = 'app://ucwa-tray/popup.html';

function handlers(run: (input: unknown) => unknown = () => null): InvokeHandlers {
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, async (input: unknown) => run(input)])) as unknown as InvokeHandlers;
}

function recordingLog() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    warn: (message: string, fields?: Record<string, unknown>) => lines.push({ level: 'warn', message, ...(fields === undefined ? {} : { fields }) }),
    error: (message: string, fields?: Record<string, unknown>) => lines.push({ level: 'error', message, ...(fields === undefined ? {} : { fields }) }),
  };
}

let window: BrowserWindow;
let policy: OwnWindowsPolicy;

beforeEach(() => {
  resetElectronFake();
  window = new BrowserWindow();
  policy = new OwnWindowsPolicy();
  policy.add(window.webContents.id, window.id, 'popup');
});

describe('IPC answers and logs', () => {
  it('a refused sender gets a plain answer, and the log names the method and the page', async () => {
    const log = recordingLog();
    const result = await invokeOne('getSnapshot', handlers(), policy, log, { sender: { id: window.webContents.id }, senderFrame: { url: 'https://evil.example/x', parent: null } }, [{}]);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: 'This window may not call the app.' } });
    expect(log.lines).toEqual([{ level: 'warn', message: 'refused IPC from a sender that is not our window', fields: { method: 'getSnapshot', url: 'https://evil.example/x' } }]);
  });

  it('a method the page may not call is refused, and the log names the method and the page', async () => {
    const log = recordingLog();
    const event = { sender: { id: window.webContents.id }, senderFrame: { url: POPUP, parent: null } };
    const result = await invokeOne('updateSettings', handlers(), policy, log, event, [{ autoStart: true }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'The popup window may not call updateSettings.' } });
    expect(log.lines).toEqual([{ level: 'warn', message: 'refused IPC the page may not make', fields: { method: 'updateSettings', page: 'popup' } }]);
  });

  it('a malformed call is told what is wrong: the argument count, the field, or the input as a whole', async () => {
    const log = recordingLog();
    const event = { sender: { id: window.webContents.id }, senderFrame: { url: POPUP, parent: null } };
    expect(await invokeOne('search', handlers(), policy, log, event, [])).toEqual({ ok: false, error: { code: 'invalid-input', message: 'search takes exactly one object.', detail: { reason: 'invalidInput', args: { method: 'search', field: 'input' } } } });
    expect(await invokeOne('search', handlers(), policy, log, event, [{}, {}])).toEqual({ ok: false, error: { code: 'invalid-input', message: 'search takes exactly one object.', detail: { reason: 'invalidInput', args: { method: 'search', field: 'input' } } } });
    const field = await invokeOne('search', handlers(), policy, log, event, [{ query: 42 }]);
    expect(field).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^search: query .+/), detail: { reason: 'invalidInput', args: { method: 'search', field: 'query' } } } });
    const settingsWindow = new BrowserWindow();
    policy.add(settingsWindow.webContents.id, settingsWindow.id, 'settings');
    const fromSettings = { sender: { id: settingsWindow.webContents.id }, senderFrame: { url: 'app://ucwa-tray/settings.html', parent: null } };
    const nested = await invokeOne('updateSettings', handlers(), policy, log, fromSettings, [{ notifications: { sound: 'loud' } }]);
    expect(nested).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^updateSettings: notifications\.sound .+/) } });
    const whole = await invokeOne('search', handlers(), policy, log, event, ['text']);
    expect(whole).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^search: input .+/) } });
    expect(log.lines).toEqual([]);
  });

  it('a handler that throws is logged with the method and the reason, not the input', async () => {
    const log = recordingLog();
    const event = { sender: { id: window.webContents.id }, senderFrame: { url: POPUP, parent: null } };
    const failing = handlers(() => {
      throw new Error('disk full');
    });
    expect(await invokeOne('signIn', failing, policy, log, event, [{ user: 'ana@contoso.com', password: 'S3cret!', rememberMe: false }])).toMatchObject({ ok: false, error: { code: 'internal' } });
    const failingWithString = handlers(() => {
      throw 'plain string';
    });
    await invokeOne('getSnapshot', failingWithString, policy, log, event, [{}]);
    expect(log.lines).toEqual([
      { level: 'error', message: 'IPC handler failed', fields: { method: 'signIn', reason: 'disk full' } },
      { level: 'error', message: 'IPC handler failed', fields: { method: 'getSnapshot', reason: 'plain string' } },
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('S3cret!');
  });

  it('a main frame whose parent is reported as undefined is still the main frame', async () => {
    const event = { sender: { id: window.webContents.id }, senderFrame: { url: POPUP, parent: undefined } };
    expect(await invokeOne('getSnapshot', handlers(() => 'snapshot'), policy, recordingLog(), event, [{}])).toEqual({ ok: true, value: 'snapshot' });
  });

  it('unregistering removes every method\'s handler', () => {
    const unregister = registerInvokeHandlers(ipcMain, handlers(), policy, recordingLog());
    expect(ipcMain.handlers.size).toBe(METHOD_NAMES.length);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    for (const m of METHOD_NAMES) expect(ipcMain.handlers.has(invokeChannel(m))).toBe(false);
  });
});

describe('push queue', () => {
  it('keeps the newest 1,000 pushes for a window that is not ready yet', () => {
    const hub = new PushHub();
    hub.add(window.id, window.webContents);
    for (let i = 0; i < 1_001; i++) hub.push('unreadChanged', { conversationId: 'c', unread: i, total: i });
    hub.ready(window.id);
    const sent = window.webContents.sent.map((s) => (s.payload as { unread: number }).unread);
    expect(sent).toHaveLength(1_000);
    expect(sent[0]).toBe(1);
    expect(sent.at(-1)).toBe(1_000);
  });

  it('sends nothing to a window removed, or closed before it was ready', () => {
    const hub = new PushHub();
    const gone = new BrowserWindow();
    const closing = new BrowserWindow();
    hub.add(gone.id, gone.webContents);
    hub.add(closing.id, closing.webContents);
    hub.ready(gone.id);
    hub.remove(gone.id);
    hub.push('typingChanged', { conversationId: 'c', typing: [] });
    expect(gone.webContents.sent).toEqual([]);
    closing.destroy();
    expect(() => hub.ready(closing.id)).not.toThrow();
    expect(closing.webContents.sent).toEqual([]);
    expect(() => hub.ready(12_345)).not.toThrow();
  });
});
