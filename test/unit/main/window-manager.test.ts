import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { PushHub } from '../../../src/main/ipc/push-hub';
import { OwnWindowsPolicy } from '../../../src/main/ipc/sender-policy';
import { WindowManager } from '../../../src/main/windows/window-manager';
import { BrowserWindow, resetElectronFake } from '../../fakes/electron';

beforeEach(() => resetElectronFake());

function manager() {
  const policy = new OwnWindowsPolicy();
  const push = new PushHub();
  const loads: string[] = [];
  const windows = new WindowManager({
    createWindow: (options) => new BrowserWindow(options as Record<string, unknown>) as unknown as ElectronBrowserWindow,
    load: async (window, page, query) => {
      loads.push(`${page}?${new URLSearchParams(query).toString()}`);
      // What index.ts's loader leaves behind, without a protocol handler to go through.
      (window as unknown as BrowserWindow).webContents.url = `app://ucwa-tray/${page}.html`;
    },
    policy,
    push,
  });
  return { windows, policy, push, loads };
}

const event = (w: BrowserWindow, page = 'chat') => ({ sender: { id: w.webContents.id }, senderFrame: { url: `app://ucwa-tray/${page}.html`, parent: null } });

describe('window manager', () => {
  it('opens one chat window per conversation, reuses and focuses it, and registers it for IPC', () => {
    const { windows, policy, loads } = manager();
    windows.openChat('chat:ben@contoso.com');
    const first = BrowserWindow.all[0] as BrowserWindow;
    first.blur();
    windows.openChat('chat:ben@contoso.com');
    windows.openChat('chat:lena@contoso.com');
    expect(BrowserWindow.all).toHaveLength(2);
    expect(first.isFocused()).toBe(true);
    expect(loads).toEqual(['chat?conversation=chat%3Aben%40contoso.com', 'chat?conversation=chat%3Alena%40contoso.com']);
    expect(policy.senderOf(event(first))).toEqual({ windowId: first.id, page: 'chat' });
    // Pinned to its page: the same window showing another page of ours is not answered.
    expect(policy.senderOf(event(first, 'settings'))).toBeUndefined();
    first.close();
    expect(policy.senderOf(event(first))).toBeUndefined();
    windows.openChat('chat:ben@contoso.com');
    expect(BrowserWindow.all).toHaveLength(3);
  });

  it('knows which chat has focus and flashes an unfocused one', () => {
    const { windows } = manager();
    windows.openChat('c1');
    const chat = BrowserWindow.all[0] as BrowserWindow;
    expect(windows.isChatFocused('c1')).toBe(true);
    chat.blur();
    expect(windows.isChatFocused('c1')).toBe(false);
    windows.attention('c1');
    expect(chat.flashing).toBe(true);
    chat.focus();
    expect(chat.flashing).toBe(false);
    expect(windows.isChatFocused('unknown')).toBe(false);
  });

  it('keeps a single popup and settings window; hide() hides the asking window', () => {
    const { windows } = manager();
    const popup = windows.popup() as unknown as BrowserWindow;
    expect(windows.popup()).toBe(popup as unknown as ElectronBrowserWindow);
    expect(popup.options).toMatchObject({ frame: false, skipTaskbar: true, show: false });
    windows.openSettings();
    windows.openSettings();
    expect(BrowserWindow.all).toHaveLength(2);
    popup.show();
    windows.hide(popup.id);
    expect(popup.isVisible()).toBe(false);
  });
});

describe('quick reply', () => {
  it('one window per conversation, never re-targeted: Carl\'s after Ben\'s is a second window', () => {
    const { windows, loads } = manager();
    windows.openQuickReply('chat:ben@contoso.com');
    const ben = BrowserWindow.all[0] as BrowserWindow;
    windows.openQuickReply('chat:carl@contoso.com');
    const carl = BrowserWindow.all[1] as BrowserWindow;
    expect(carl).toBeDefined();
    expect(loads).toEqual(['quick-reply?conversation=chat%3Aben%40contoso.com', 'quick-reply?conversation=chat%3Acarl%40contoso.com']);
    // Ben again (a later notification) brings Ben's own window back, untouched.
    ben.hide();
    windows.openQuickReply('chat:ben@contoso.com');
    expect(BrowserWindow.all).toHaveLength(2);
    expect(ben.isVisible() && ben.isFocused()).toBe(true);
    expect(windows.conversationOf(ben.id)).toBe('chat:ben@contoso.com');
    expect(windows.conversationOf(carl.id)).toBe('chat:carl@contoso.com');
    windows.hide(carl.id);
    expect(carl.isVisible()).toBe(false);
  });

  it('a chat or quick-reply window may send only to its own conversation; other windows are not bound', () => {
    const { windows } = manager();
    windows.openQuickReply('chat:carl@contoso.com');
    windows.openChat('chat:ben@contoso.com');
    const [carlReply, benChat] = BrowserWindow.all as [BrowserWindow, BrowserWindow];
    const popup = windows.popup() as unknown as BrowserWindow;
    expect(() => windows.requireOwnConversation(carlReply.id, 'chat:carl@contoso.com')).not.toThrow();
    expect(() => windows.requireOwnConversation(carlReply.id, 'chat:ben@contoso.com')).toThrow(expect.objectContaining({ code: 'forbidden-sender' }));
    expect(() => windows.requireOwnConversation(benChat.id, 'chat:carl@contoso.com')).toThrow(expect.objectContaining({ code: 'forbidden-sender' }));
    expect(() => windows.requireOwnConversation(popup.id, 'chat:carl@contoso.com')).not.toThrow();
    carlReply.close();
    expect(windows.conversationOf(carlReply.id)).toBeUndefined();
    windows.openQuickReply('chat:carl@contoso.com');
    expect(BrowserWindow.all).toHaveLength(4);
  });
});
