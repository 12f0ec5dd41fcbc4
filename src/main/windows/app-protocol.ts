// Serves our pages (out/renderer) under app://ucwa-tray/ instead of file://, so they have an origin
// of their own that nothing else on disk shares, as Electron's security checklist (item 18) advises.
// Read-only, files only (no directory listing), a fixed list of types, and nothing outside the
// folder: every path segment is checked, then the real path (symlinks resolved) must stay inside.
import type { CustomScheme } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/page-html';
import { APP_SCHEME, isAppUrl } from './app-origin';

/**
 * standard: relative URLs resolve and the origin is app://ucwa-tray, which CSP 'self' matches (VS
 * Code serves its workbench the same way, from vscode-file://vscode-app, under `script-src 'self'`);
 * secure: a secure context like https. Never bypassCSP; no service workers, fetch or CORS: pages
 * load their script and stylesheet and talk to main only through the preload.
 */
export const APP_SCHEME_PRIVILEGED: CustomScheme = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } };

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** One path segment: letters, digits, `-`, `_`, `.`, not starting with a dot (no `..`, no hidden files). */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The file (and its type) a URL of ours names under `root`, or undefined when it names none we serve. */
export async function resolveAppFile(root: string, url: string): Promise<{ readonly path: string; readonly type: string } | undefined> {
  if (!isAppUrl(url)) return undefined;
  const pathname = URL.parse(url)?.pathname ?? '';
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // Decoded, so %2e%2e, %2f and %5c are judged as what they mean: `..`, `/` and `\` all fail.
    if (!SEGMENT.test(segment)) return undefined;
    segments.push(segment);
  }
  const type = TYPES[extname(segments.at(-1) ?? '')];
  if (type === undefined) return undefined;
  const path = join(root, ...segments);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    const inside = relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
    return (await stat(realFile)).isFile() ? { path: realFile, type } : undefined;
  } catch {
    return undefined;
  }
}

const notFound = (): Response => new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** The handler for `protocol.handle(APP_SCHEME, …)`: our files, or 404. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    const file = await resolveAppFile(root, request.url);
    if (file === undefined) return notFound();
    const body = await readFile(file.path).catch(() => undefined);
    if (body === undefined) return notFound();
    const headers: Record<string, string> = { 'content-type': file.type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    // The page's policy again as a header, where (unlike in the meta tag) frame-ancestors counts.
    if (file.type.startsWith('text/html')) headers['content-security-policy'] = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
