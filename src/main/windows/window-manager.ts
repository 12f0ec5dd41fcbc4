// The app's windows: one popup, one chat window per conversation (reused and focused), settings,
// and one quick-reply window per conversation. Every window comes from the secure factory and is
// registered with the IPC sender policy and the push hub for its lifetime.
import type { BrowserWindow } from 'electron';
import type { PageName } from '../../shared/ipc-contract';
import { IpcFailure } from '../../shared/ipc-failure';
import type { PushHub } from '../ipc/push-hub';
import type { OwnWindowsPolicy } from '../ipc/sender-policy';
import type { WindowPort } from '../session/ports';
import type { WindowOptions } from './window-factory';
import { errorDetail } from '../../shared/error-detail';

export type Page = PageName;

export interface WindowManagerDeps {
  readonly createWindow: (options: WindowOptions) => BrowserWindow;
  /** Loads a page (app://ucwa-tray/<page>.html, see app-origin.ts) with its query. */
  readonly load: (window: BrowserWindow, page: Page, query: Record<string, string>) => Promise<void>;
  readonly policy: OwnWindowsPolicy;
  readonly push: PushHub;
}

const SIZES: Readonly<Record<Page, { width: number; height: number }>> = {
  popup: { width: 360, height: 560 },
  chat: { width: 420, height: 560 },
  settings: { width: 460, height: 520 },
  'sign-in': { width: 380, height: 520 },
  'quick-reply': { width: 380, height: 160 },
};

export class WindowManager implements WindowPort {
  private readonly chats = new Map<string, BrowserWindow>();
  /**
   * One per conversation, never re-targeted: a window answering Ben stays Ben's, so a reply typed
   * in it cannot reach Carl whatever order notifications and clicks come in.
   */
  private readonly quickReplies = new Map<string, BrowserWindow>();
  /** Window id -> the conversation a chat or quick-reply window was opened for. */
  private readonly bound = new Map<number, string>();
  private readonly singles = new Map<Page, BrowserWindow>();

  constructor(private readonly deps: WindowManagerDeps) {}

  openChat(conversationId: string): void {
    const existing = this.chats.get(conversationId);
    if (existing !== undefined && !existing.isDestroyed()) {
      existing.show();
      existing.focus();
      return;
    }
    const window = this.open('chat', { conversation: conversationId }, { title: 'Chat', show: true });
    this.bind(this.chats, conversationId, window);
  }

  openQuickReply(conversationId: string): void {
    const existing = this.quickReplies.get(conversationId);
    if (existing !== undefined && !existing.isDestroyed()) {
      existing.show();
      existing.focus();
      return;
    }
    const window = this.open('quick-reply', { conversation: conversationId }, { title: 'Reply', show: true });
    this.bind(this.quickReplies, conversationId, window);
  }

  /** The conversation a chat or quick-reply window belongs to; `undefined` for other windows. */
  conversationOf(windowId: number): string | undefined {
    return this.bound.get(windowId);
  }

  /** A chat or quick-reply window speaks only for its own conversation (main checks, not the page). */
  requireOwnConversation(windowId: number, conversationId: string): void {
    const own = this.bound.get(windowId);
    if (own !== undefined && own !== conversationId) throw new IpcFailure('forbidden-sender', errorDetail('otherConversationsWindow', {}));
  }

  openSettings(): void {
    const window = this.single('settings', {});
    window.show();
    window.focus();
  }

  /**
   * The popup window, created hidden on first use; the tray positions and toggles it. Without a
   * tray (`standalone`) it is an ordinary window: framed, resizable, in the taskbar.
   */
  popup(standalone = false): BrowserWindow {
    return this.single('popup', {}, standalone ? { title: 'UCWA Tray', show: false } : { frame: false, resizable: false, skipTaskbar: true, alwaysOnTop: true, show: false });
  }

  hide(windowId: number): void {
    for (const window of [...this.singles.values(), ...this.chats.values(), ...this.quickReplies.values()]) if (window.id === windowId && !window.isDestroyed()) window.hide();
  }

  isChatFocused(conversationId: string): boolean {
    const window = this.chats.get(conversationId);
    return window !== undefined && !window.isDestroyed() && window.isVisible() && window.isFocused();
  }

  /** A new message in a chat that is open but not focused: flash it (taskbar / dock attention). */
  attention(conversationId: string): void {
    const window = this.chats.get(conversationId);
    if (window !== undefined && !window.isDestroyed() && !window.isFocused()) window.flashFrame(true);
  }

  private bind(windows: Map<string, BrowserWindow>, conversationId: string, window: BrowserWindow): void {
    const windowId = window.id;
    windows.set(conversationId, window);
    this.bound.set(windowId, conversationId);
    window.on('closed', () => {
      if (windows.get(conversationId) === window) windows.delete(conversationId);
      this.bound.delete(windowId);
    });
  }

  private single(page: Page, query: Record<string, string>, extra: WindowOptions = {}): BrowserWindow {
    const existing = this.singles.get(page);
    if (existing !== undefined && !existing.isDestroyed()) return existing;
    const window = this.open(page, query, { show: false, ...extra });
    this.singles.set(page, window);
    window.on('closed', () => this.singles.delete(page));
    return window;
  }

  private open(page: Page, query: Record<string, string>, options: WindowOptions): BrowserWindow {
    const window = this.deps.createWindow({ ...SIZES[page], minWidth: 300, minHeight: 140, ...options });
    const contentsId = window.webContents.id;
    const windowId = window.id;
    // The policy pins the window to this page: it answers only this page, and only its methods.
    this.deps.policy.add(contentsId, windowId, page);
    this.deps.push.add(windowId, window.webContents);
    window.on('closed', () => {
      this.deps.policy.remove(contentsId);
      this.deps.push.remove(windowId);
    });
    void this.deps.load(window, page, query);
    return window;
  }
}
