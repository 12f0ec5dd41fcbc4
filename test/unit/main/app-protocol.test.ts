// app://ucwa-tray serves out/renderer and nothing else: the handler gets a fetch Request as Electron
// hands it over, and every way of naming a file outside the folder is a 404 — with a real secret
// next to the folder, so a traversal bug would show up as a 200.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPageUrl, isAppPage, isAppUrl } from '../../../src/main/windows/app-origin';
import { APP_SCHEME_PRIVILEGED, appProtocolHandler, resolveAppFile } from '../../../src/main/windows/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/page-html';

const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
const root = join(base, 'renderer');
const handler = appProtocolHandler(root);
const get = (url: string, init: RequestInit = {}): Promise<Response> => handler(new Request(url, init));

beforeAll(() => {
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'popup.html'), '<!doctype html><title>popup</title>');
  writeFileSync(join(root, 'popup.js'), 'void 0;');
  writeFileSync(join(root, 'app.css'), 'body{}');
  writeFileSync(join(root, 'sub', 'nested.js'), 'void 1;');
  writeFileSync(join(root, 'notes.txt'), 'no type for this');
  writeFileSync(join(root, '.hidden.js'), 'hidden');
  writeFileSync(join(base, 'secret.html'), 'SECRET');
  writeFileSync(join(base, 'secret.js'), 'SECRET');
  symlinkSync(join(base, 'secret.html'), join(root, 'link.html'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol handler', () => {
  it('is registered standard and secure, never bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGED).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } });
  });

  it('serves our pages, scripts and styles with their types; the query is not part of the file', async () => {
    const page = await get('app://ucwa-tray/popup.html?conversation=chat%3Aben#top');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    // The page's CSP again as a header, where frame-ancestors counts.
    expect(page.headers.get('content-security-policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(await page.text()).toContain('<title>popup</title>');
    expect((await get('app://ucwa-tray/popup.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await get('app://ucwa-tray/app.css');
    expect([css.status, css.headers.get('content-type'), css.headers.get('content-security-policy')]).toEqual([200, 'text/css; charset=utf-8', null]);
    expect(await (await get('app://ucwa-tray/sub/nested.js')).text()).toBe('void 1;');
    const head = await get('app://ucwa-tray/popup.html', { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it.each([
    ['dot-dot', 'app://ucwa-tray/../secret.html'],
    ['dot-dot under a folder', 'app://ucwa-tray/sub/../../secret.js'],
    ['encoded dot-dot', 'app://ucwa-tray/%2e%2e/secret.html'],
    ['encoded dot-dot and slash in one segment', 'app://ucwa-tray/%2e%2e%2fsecret.html'],
    ['dot-dot with an encoded slash', 'app://ucwa-tray/..%2fsecret.html'],
    ['upper-case encoded', 'app://ucwa-tray/%2E%2E%2Fsecret.html'],
    ['backslashes', 'app://ucwa-tray/..\\secret.html'],
    ['encoded backslashes', 'app://ucwa-tray/sub%5c..%5c..%5csecret.html'],
    ['an absolute path', 'app://ucwa-tray//etc/passwd'],
    ['an encoded absolute path', 'app://ucwa-tray/%2fetc%2fpasswd'],
    ['the folder by absolute path', `app://ucwa-tray/${encodeURIComponent(join(base, 'secret.html'))}`],
    ['a Windows drive', 'app://ucwa-tray/C:%5cWindows%5cwin.ini'],
    ['a NUL byte', 'app://ucwa-tray/popup.html%00.js'],
    ['a symlink out of the folder', 'app://ucwa-tray/link.html'],
    ['a broken escape', 'app://ucwa-tray/%E0%A4%A.html'],
    ['a hidden file', 'app://ucwa-tray/.hidden.js'],
    ['a type we do not serve', 'app://ucwa-tray/notes.txt'],
    ['the folder itself (no listing)', 'app://ucwa-tray/'],
    ['a subfolder (no listing)', 'app://ucwa-tray/sub'],
    ['a subfolder with a slash', 'app://ucwa-tray/sub/'],
    ['a missing file', 'app://ucwa-tray/nothing.html'],
    ['another host', 'app://other/popup.html'],
    ['a port', 'app://ucwa-tray:80/popup.html'],
  ])('refuses %s with a 404', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not found');
  });

  it('refuses the same paths when handed over raw, without URL normalisation', async () => {
    // (A fetch Request cannot even carry credentials; the resolver refuses them anyway.)
    for (const raw of ['app://ucwa-tray/../secret.html', 'app://ucwa-tray/./../secret.html', 'app://ucwa-tray/sub/%2e%2e/%2e%2e/secret.html', 'app://ana@ucwa-tray/popup.html']) {
      expect(await resolveAppFile(root, raw), raw).toBeUndefined();
    }
    expect(await resolveAppFile(root, 'app://ucwa-tray/popup.html')).toMatchObject({ type: 'text/html; charset=utf-8' });
  });

  it('answers only GET and HEAD', async () => {
    const response = await get('app://ucwa-tray/popup.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});

describe('app origin', () => {
  it('builds page URLs and recognises exactly our origin and page', () => {
    expect(appPageUrl('chat', { conversation: 'chat:ben@contoso.com' })).toBe('app://ucwa-tray/chat.html?conversation=chat%3Aben%40contoso.com');
    expect(appPageUrl('popup')).toBe('app://ucwa-tray/popup.html');
    expect(isAppUrl('app://ucwa-tray/anything')).toBe(true);
    for (const url of ['app://ucwa-tray.evil.example/popup.html', 'app://other/', 'apps://ucwa-tray/', 'file:///popup.html', 'https://ucwa-tray/', 'not a url', '']) expect(isAppUrl(url), url).toBe(false);
    expect(isAppPage('app://ucwa-tray/chat.html?conversation=x', 'chat')).toBe(true);
    expect(isAppPage('app://ucwa-tray/chat.html', 'popup')).toBe(false);
    expect(isAppPage('app://ucwa-tray/sub/chat.html', 'chat')).toBe(false);
  });
});
