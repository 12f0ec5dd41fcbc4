// Every method × every page: a window reaches only the methods its page really calls (read from
// src/renderer); anything else is `forbidden` and reaches no handler. The table below is written out
// by hand on purpose — deriving it from PAGE_METHODS would only test the table against itself.
import { beforeEach, describe, expect, it } from 'vitest';
import { registerInvokeHandlers } from '../../../src/main/ipc/register-invoke-handlers';
import { OwnWindowsPolicy } from '../../../src/main/ipc/sender-policy';
import { METHOD_NAMES, PAGES, invokeChannel } from '../../../src/shared/ipc-contract';
import type { InvokeHandlers, MethodInput, MethodName, PageName } from '../../../src/shared/ipc-contract';
import { BrowserWindow, ipcMain, resetElectronFake } from '../../fakes/electron';

/** P popup, C chat, Q quick-reply, S settings, I sign-in. */
const ALLOWED: Readonly<Record<MethodName, string>> = {
  ready: 'PCQSI',
  getSnapshot: 'PCQSI',
  signIn: 'P   I',
  signInDemo: 'P   I',
  signOut: 'P    ',
  setPresence: 'P    ',
  setNote: 'P    ',
  getContacts: '     ',
  search: 'P    ',
  openChat: 'PC   ',
  startGroupChat: 'P    ',
  addParticipants: ' C   ',
  leaveConversation: ' C   ',
  getContactCard: 'PC   ',
  copyText: 'PC   ',
  openMissed: 'P    ',
  openConversation: 'P Q  ',
  getConversation: ' C   ',
  sendMessage: ' CQ  ',
  retryMessage: ' C   ',
  setTyping: ' C   ',
  markRead: ' C   ',
  getHistory: ' C   ',
  searchHistory: 'P    ',
  getSettings: '     ',
  updateSettings: '   S ',
  openSettings: 'P    ',
  hideWindow: 'P Q  ',
  acceptInvitation: 'PC   ',
  declineInvitation: 'PC   ',
  runDoctor: 'P   I',
  openLogFolder: '   S ',
  copyDiagnostics: '   S ',
  setProxyCredentials: 'P   I',
  getCaFiles: '   S ',
  addCaFile: '   S ',
  removeCaFile: '   S ',
};
const LETTER: Readonly<Record<PageName, string>> = { popup: 'P', chat: 'C', 'quick-reply': 'Q', settings: 'S', 'sign-in': 'I' };

const VALID: { readonly [M in MethodName]: MethodInput<M> } = {
  ready: {},
  getSnapshot: {},
  signIn: { user: 'ana@contoso.com', password: 'demo', rememberMe: false },
  signInDemo: {},
  signOut: {},
  setPresence: { availability: 'Busy' },
  setNote: { note: 'At lunch' },
  getContacts: {},
  search: { query: 'ben' },
  openChat: { uri: 'ben@contoso.com' },
  startGroupChat: { uris: ['ben@contoso.com', 'carl@contoso.com'] },
  addParticipants: { conversationId: 'chat:ben@contoso.com', uris: ['carl@contoso.com'] },
  leaveConversation: { conversationId: 'group:abc' },
  getContactCard: { uri: 'ben@contoso.com' },
  copyText: { text: '+1 425 555 0100' },
  openMissed: { id: 'log-1' },
  openConversation: { conversationId: 'chat:ben@contoso.com' },
  getConversation: { conversationId: 'chat:ben@contoso.com' },
  sendMessage: { conversationId: 'chat:ben@contoso.com', text: 'Hi' },
  retryMessage: { conversationId: 'chat:ben@contoso.com', messageId: 'm1' },
  setTyping: { conversationId: 'chat:ben@contoso.com' },
  markRead: { conversationId: 'chat:ben@contoso.com' },
  getHistory: { conversationId: 'chat:ben@contoso.com' },
  searchHistory: { query: 'lunch' },
  getSettings: {},
  updateSettings: { autoStart: true },
  openSettings: {},
  hideWindow: {},
  acceptInvitation: { conversationId: 'chat:ben@contoso.com' },
  declineInvitation: { conversationId: 'chat:ben@contoso.com' },
  runDoctor: { user: 'ana@contoso.com' },
  openLogFolder: {},
  copyDiagnostics: {},
  setProxyCredentials: { proxy: 'proxy.contoso.com:8080', user: 'ana', password: 'Pr0xy!', remember: true },
  getCaFiles: {},
  addCaFile: {},
  removeCaFile: { file: '/etc/ssl/company-ca.pem' },
};

const calls: { method: MethodName; windowId: number }[] = [];
const log = { warn: () => undefined, error: () => undefined };
let policy: OwnWindowsPolicy;

beforeEach(() => {
  resetElectronFake();
  calls.length = 0;
  policy = new OwnWindowsPolicy();
  const handlers: Record<string, (input: unknown, context: { windowId: number }) => Promise<unknown>> = {};
  for (const method of METHOD_NAMES) {
    handlers[method] = async (_input, context) => {
      calls.push({ method, windowId: context.windowId });
      return null;
    };
  }
  registerInvokeHandlers(ipcMain, handlers as unknown as InvokeHandlers, policy, log);
});

function windowShowing(page: PageName): { window: BrowserWindow; event: { sender: { id: number }; senderFrame: { url: string; parent: null } } } {
  const window = new BrowserWindow();
  policy.add(window.webContents.id, window.id, page);
  return { window, event: { sender: { id: window.webContents.id }, senderFrame: { url: `app://ucwa-tray/${page}.html?conversation=x`, parent: null } } };
}

describe('per-page capabilities', () => {
  const cases = PAGES.flatMap((page) => METHOD_NAMES.map((method) => ({ page, method, allowed: ALLOWED[method].includes(LETTER[page]) })));

  it.each(cases)('$page → $method: allowed $allowed', async ({ page, method, allowed }) => {
    const { window, event } = windowShowing(page);
    const result = await ipcMain.invoke(invokeChannel(method), event, VALID[method]);
    if (allowed) {
      expect(result).toEqual({ ok: true, value: null });
      expect(calls).toEqual([{ method, windowId: window.id }]);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(calls).toEqual([]);
    }
  });

  it('a forbidden call is refused before its input is parsed (garbage is forbidden too, not invalid-input)', async () => {
    const { event } = windowShowing('chat');
    expect(await ipcMain.invoke(invokeChannel('updateSettings'), event, { autoStart: 'yes' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'The chat window may not call updateSettings.' } });
    expect(calls).toEqual([]);
  });
});
