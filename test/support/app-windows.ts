// The app's windows as the composition-root tests see them on the Electron fake: the windows that
// show a page, and an IPC call made the way that window's preload would make it.
import type * as FakeElectron from '../fakes/electron/index';

export type AppWindow = InstanceType<typeof FakeElectron.BrowserWindow>;
export interface Answer {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly code: string; readonly message: string; readonly host?: string; readonly detail?: unknown };
}

export function windowsShowing(electron: typeof FakeElectron, page: string): AppWindow[] {
  return electron.BrowserWindow.getAllWindows().filter((w) => new URL(w.loaded ?? 'file:///none').pathname.endsWith(`/${page}.html`));
}

export async function callAs(electron: typeof FakeElectron, window: AppWindow | undefined, method: string, input: unknown): Promise<Answer> {
  if (window === undefined) throw new Error('no such window');
  return (await electron.ipcMain.invoke(`ucwa:invoke:${method}`, { sender: { id: window.webContents.id }, senderFrame: { url: window.webContents.url, parent: null } }, input)) as Answer;
}
