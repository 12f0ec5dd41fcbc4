// The only file that touches `window.ucwa`. In the Electron app the preload puts the bridge there;
// in an ordinary browser (the web dev host) the page's URL names the host's socket instead.
import type { UcwaBridge } from '../shared/ipc-contract';
import { PAGES, WEB_BRIDGE_QUERY } from '../shared/web-bridge-protocol';
import type { PageName } from '../shared/web-bridge-protocol';
import { t } from './i18n';
import { connectWebSocketBridge } from './web-socket-bridge';

declare global {
  interface Window {
    readonly ucwa?: UcwaBridge;
  }
}

export interface PageContext {
  readonly page: PageName;
  readonly query: URLSearchParams;
}

export function pageContext(): PageContext {
  const name = location.pathname.split('/').pop()?.replace(/\.html$/, '') ?? '';
  const page = (PAGES as readonly string[]).includes(name) ? (name as PageName) : 'popup';
  return { page, query: new URLSearchParams(location.search) };
}

export function connectBridge(context: PageContext): UcwaBridge {
  if (window.ucwa !== undefined) return window.ucwa;
  // The dev host's cookie (HttpOnly: not readable here) lets the socket in; the URL names its path.
  const socketPath = context.query.get(WEB_BRIDGE_QUERY.socket);
  if (socketPath === null || !socketPath.startsWith('/')) {
    throw new Error(t('errors.notInApp'));
  }
  return connectWebSocketBridge({ socketPath, context });
}
