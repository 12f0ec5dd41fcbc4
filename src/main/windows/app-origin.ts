// The one origin the app trusts: its own pages, served by main from out/renderer under a privileged
// custom scheme (app-protocol.ts). Not file: — every file: URL shares one opaque origin, so "a
// file: page" would also mean any HTML file on disk (Electron security checklist, item 18).
import type { PageName } from '../../shared/ipc-contract';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ucwa-tray';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Where a page of ours lives, with its query (e.g. the conversation of a chat window). */
export function appPageUrl(page: PageName, query: Readonly<Record<string, string>> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${APP_ORIGIN}/${page}.html${search === '' ? '' : `?${search}`}`;
}

/**
 * True for a URL on exactly our origin: our scheme and host, no port, no credentials. Compared
 * field by field: Node's URL gives non-special schemes an opaque ("null") origin, Chromium does not.
 */
export function isAppUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** True when the URL is this page of ours (any query or fragment). */
export function isAppPage(url: string, page: PageName): boolean {
  return isAppUrl(url) && URL.parse(url)?.pathname === `/${page}.html`;
}
