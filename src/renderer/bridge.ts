// The only file that touches `window.ucwa`. In the Electron app the preload puts the bridge there;
// in an ordinary browser (the web dev host) the page's URL names the host's socket instead.
import type { UcwaBridge } from '../shared/ipc-contract';
import { PAGES, WEB_BRIDGE_QUERY } from '../shared/web-bridge-protocol';
import type { PageName } from '../shared/web-bridge-protocol';
import { t } from './i18n';

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

/** Opened outside the app and outside the web dev host: there is no session to talk to. */
export class NotInAppError extends Error {}

/**
 * The bridge, wrapped: a promise must not resolve to the bridge itself, since resolving adopts any
 * object with a `then` and a bridge that answers every name (the browser tests' fake) would hang it.
 */
export async function connectBridge(context: PageContext): Promise<{ readonly bridge: UcwaBridge }> {
  if (window.ucwa !== undefined) return { bridge: window.ucwa };
  // The dev host's cookie (HttpOnly: not readable here) lets the socket in; the URL names its path.
  const socketPath = context.query.get(WEB_BRIDGE_QUERY.socket);
  if (socketPath === null || !socketPath.startsWith('/')) {
    throw new NotInAppError();
  }
  // Only the web dev host (and the browser tests) need the socket bridge: a chunk the app never loads.
  const { connectWebSocketBridge } = await import('./web-socket-bridge');
  return { bridge: connectWebSocketBridge({ socketPath, context, t }) };
}
