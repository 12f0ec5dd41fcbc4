// The identity provider's sign-in page (passive/ADFS sign-in): the only remote content the app
// ever shows. Its own in-memory session (cookies forgotten on quit, never shared with our pages),
// no preload and so no bridge, sandboxed, no new windows, no permissions, and navigation only to
// the server's and the identity provider's domains.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { IdentityWindow } from '../network/passive-token-fetcher';
import { isLoopbackHost, serverDomain } from '../ucwa/index';
import { lockedDownWebPreferences } from './window-factory';

/** Not `persist:`: the federation cookies live only as long as the app runs. */
export const IDENTITY_PARTITION = 'ucwa-identity';

export interface IdentityWindowDeps {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly title: string;
}

/** https to one of the hosts or their domains (loopback http only for the simulator). */
export function identityNavigationAllowed(url: string, allowedHosts: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const host = target.hostname.toLowerCase();
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && isLoopbackHost(host))) return false;
  return allowedHosts.some((allowed) => {
    const exact = allowed.toLowerCase();
    const domain = serverDomain(exact);
    return host === exact || (domain !== exact && (host === domain || host.endsWith(`.${domain}`)));
  });
}

export function openIdentityWindow(deps: IdentityWindowDeps, url: URL, allowedHosts: readonly string[]): IdentityWindow {
  const window = new deps.BrowserWindow({
    width: 520,
    height: 700,
    title: deps.title,
    autoHideMenuBar: true,
    webPreferences: { ...lockedDownWebPreferences(), partition: IDENTITY_PARTITION },
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnIdentity = (event: { preventDefault(): void }, target: string): void => {
    if (!identityNavigationAllowed(target, allowedHosts)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnIdentity);
  contents.on('will-redirect', stayOnIdentity);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  void window.loadURL(url.href);
  return {
    onPageLoaded: (listener) => void contents.on('did-finish-load', listener),
    onClosed: (listener) => void window.on('closed', listener),
    close: () => {
      if (!window.isDestroyed()) window.close();
    },
  };
}
