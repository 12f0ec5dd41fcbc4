// The only place that creates a BrowserWindow: every window is isolated, sandboxed, without Node,
// may not open windows or navigate away, gets no permissions, and sends links to the OS browser.
import type { BrowserWindow, BrowserWindowConstructorOptions, Shell, WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';

export interface WindowFactoryDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly shell: Pick<Shell, 'openExternal'>;
  readonly preloadPath: string;
  /** Our pages' origin ('file://' when packaged, the dev server's origin in development). */
  readonly appOrigin: string;
}

export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}

function sameOrigin(url: string, appOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return appOrigin === 'file://' ? parsed.protocol === 'file:' : parsed.origin === appOrigin;
  } catch {
    return false;
  }
}

export function createSecureWindow(deps: WindowFactoryDeps, options: WindowOptions): BrowserWindow {
  const window = new deps.BrowserWindow({ ...options, webPreferences: secureWebPreferences(deps.preloadPath) });
  hardenWebContents(window.webContents, deps);
  return window;
}

export function hardenWebContents(contents: WebContents, deps: Pick<WindowFactoryDeps, 'shell' | 'appOrigin'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void deps.shell.openExternal(url);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (sameOrigin(url, deps.appOrigin)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(url)) void deps.shell.openExternal(url);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
