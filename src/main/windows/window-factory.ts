// Creates the app's windows: every window is isolated, sandboxed, without Node, may not open windows
// or navigate off our origin (app://ucwa-tray), gets no permissions, and sends links to the OS
// browser. (The identity provider's sign-in window, identity-window.ts, shares the locked-down
// preferences but has no preload and its own navigation rule.)
import type { BrowserWindow, BrowserWindowConstructorOptions, Shell, WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

export interface WindowFactoryDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly shell: Pick<Shell, 'openExternal'>;
  readonly preloadPath: string;
}

export type WindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

type WebPreferences = NonNullable<BrowserWindowConstructorOptions['webPreferences']>;

/** What no window of ours may have: Node, shared JavaScript worlds, webviews, insecure content. */
export function lockedDownWebPreferences(): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
  };
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return { ...lockedDownWebPreferences(), preload: preloadPath, spellcheck: true };
}

export function createSecureWindow(deps: WindowFactoryDeps, options: WindowOptions): BrowserWindow {
  const window = new deps.BrowserWindow({ ...options, webPreferences: secureWebPreferences(deps.preloadPath) });
  hardenWebContents(window.webContents, deps);
  return window;
}

export function hardenWebContents(contents: WebContents, deps: Pick<WindowFactoryDeps, 'shell'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void deps.shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (reviewed: http, https, mailto and tel only, external-links.ts)
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(url)) void deps.shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (reviewed: as above)
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  // webviewTag is off; should it ever be turned on, no <webview> attaches anyway.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
