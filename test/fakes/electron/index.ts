// A faithful, stateful fake of the Electron API subset UCWA Tray uses, for tests that cannot load
// the Electron runtime (it is not installed everywhere). Install with:
//   vi.mock('electron', () => import('../../fakes/electron'));
// and call `resetElectronFake()` in beforeEach so no state leaks between tests. The fake plays
// Linux unless a test says otherwise (`setFakePlatform('win32')`); what Electron does only on some
// platforms is in platform.ts. Members that are not Electron's are test controls, listed in
// TEST_CONTROLS; test/unit/main/electron-fake-surface.test.ts holds all of it to electron.d.ts.
import { app, Menu, Tray, net, powerMonitor, resetAppShellFake, safeStorage, screen } from './app-shell';
import { contextBridge, ipcMain, ipcRenderer, resetIpcFake } from './ipc';
import { Notification, resetNotificationFake } from './notification';
import { protocol, resetProtocolFake } from './protocol';
import { resetUtilityProcessFake, utilityProcess } from './utility-process';
import { BrowserWindow, resetSessionFake, session } from './windows';

export { app, Menu, Tray, net, powerMonitor, resetAppShellFake, safeStorage, screen } from './app-shell';
export type { FakeMenu } from './app-shell';
export { contextBridge, ipcMain, ipcRenderer } from './ipc';
export type { FakeInvokeEvent } from './ipc';
export { Notification } from './notification';
export type { FakeActivation } from './notification';
export { FAKE_EVENTS, FAKE_PLATFORM_MEMBERS, FAKE_PLATFORMS, fakePlatform, setFakePlatform } from './platform';
export type { FakePlatform } from './platform';
export { protocol } from './protocol';
export { FakeUtilityProcess, utilityProcess } from './utility-process';
export { BrowserWindow, FakeSession, FakeWebContents, session } from './windows';
export type { PermissionRequestHandler } from './windows';

export const shell = {
  /** Test control: every URL handed to the OS. */
  opened: [] as string[],
  /** Test control: folders and files handed to the file manager. */
  openedPaths: [] as string[],
  /** Test control: what openPath answers instead of opening (Electron resolves the error message, never rejects). */
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

/** Native dialogs: the open-file dialog only. */
export const dialog = {
  /** Test control: what the user picks in the next open dialog (after it: cancelled). */
  nextPick: undefined as string | undefined,
  /** Test control: the window and options of every open dialog shown. */
  shown: [] as { window: unknown; options: { title?: string; properties?: string[]; filters?: { name: string; extensions: string[] }[] } }[],
  async showOpenDialog(windowOrOptions: unknown, maybeOptions?: { title?: string; properties?: string[]; filters?: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePaths: string[] }> {
    const options = (maybeOptions ?? windowOrOptions) as { title?: string; properties?: string[]; filters?: { name: string; extensions: string[] }[] };
    dialog.shown.push({ window: maybeOptions === undefined ? undefined : windowOrOptions, options });
    const pick = dialog.nextPick;
    dialog.nextPick = undefined;
    return pick === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [pick] };
  },
};

/** The system clipboard, text only. */
export const clipboard = {
  /** Test control: what is on the clipboard. */
  text: '',
  writeText(text: string): void {
    clipboard.text = text;
  },
  readText(): string {
    return clipboard.text;
  },
};

/**
 * The members of the fake that are not Electron's, per Electron type: what tests use to drive and
 * observe it. Everything else must exist in electron.d.ts (the surface test checks both ways).
 */
export const TEST_CONTROLS: Readonly<Record<string, readonly string[]>> = {
  App: ['paths', 'protocols', 'loginItem', 'appUserModelId', 'toastActivatorId', 'dockBadge', 'hasLock', 'quitCalls', 'preferredLanguages', 'exited', 'resetLifecycle', 'makeReady'],
  BrowserWindow: ['all', 'options', 'visible', 'focused', 'destroyed', 'loaded', 'loadStatus', 'flashing', 'bounds'],
  WebContents: ['sent', 'windowOpenHandler', 'destroyed', 'url', 'navigate'],
  Session: ['permissionRequestHandler', 'permissionCheckHandler', 'proxyAnswer', 'ntlmDomains', 'fetchHandler'],
  Notification: ['shown', 'supported', 'activateToast', 'resetActivation', 'options', 'visible', 'dismiss', 'click', 'reply', 'replyLater', 'action'],
  Tray: ['all', 'image', 'toolTip', 'menu', 'bounds', 'click'],
  Menu: ['template'],
  Screen: ['cursor'],
  PowerMonitor: ['idleSeconds'],
  SafeStorage: ['available', 'backend'],
  Shell: ['opened', 'openedPaths', 'openPathError'],
  Clipboard: ['text'],
  Dialog: ['nextPick', 'shown'],
  IpcMain: ['handlers', 'channelListeners', 'invoke'],
  IpcRenderer: ['invocations', 'emitFromMain'],
  ContextBridge: ['exposed'],
  Protocol: ['privileged', 'handlers', 'request'],
  UtilityProcess: ['forked', 'serviceName', 'modulePath', 'args', 'crash'],
};

export function resetElectronFake(): void {
  resetAppShellFake();
  BrowserWindow.all.length = 0;
  resetNotificationFake();
  shell.opened.length = 0;
  shell.openedPaths.length = 0;
  shell.openPathError = '';
  clipboard.text = '';
  dialog.nextPick = undefined;
  dialog.shown.length = 0;
  resetIpcFake();
  resetProtocolFake();
  resetUtilityProcessFake();
  resetSessionFake();
}

export default { BrowserWindow, Notification, shell, clipboard, dialog, ipcMain, ipcRenderer, contextBridge, app, Tray, Menu, screen, powerMonitor, safeStorage, net, protocol, utilityProcess, session };
