import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, pageHtml } from '../../../src/shared/page-html';
import { isAllowedExternalUrl } from '../../../src/main/windows/external-links';
import { createSecureWindow } from '../../../src/main/windows/window-factory';
import { BrowserWindow, resetElectronFake, shell } from '../../fakes/electron';

function makeWindow(): BrowserWindow {
  const deps = {
    BrowserWindow: BrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow,
    shell,
    preloadPath: '/app/out/preload/index.cjs',
  };
  return createSecureWindow(deps, { width: 360, height: 520, show: false }) as unknown as BrowserWindow;
}

beforeEach(() => resetElectronFake());

describe('window factory', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    const window = makeWindow();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
    });
    expect(window.options.width).toBe(360);
  });

  it('denies window.open; http(s) and mailto links go to the OS, anything else nowhere', () => {
    const contents = makeWindow().webContents;
    for (const url of ['https://contoso.com/a', 'http://example.com', 'mailto:ben@contoso.com', 'javascript:alert(1)', 'file:///etc/passwd', 'sip:ben@contoso.com']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.opened).toEqual(['https://contoso.com/a', 'http://example.com', 'mailto:ben@contoso.com']);
  });

  it('lets a window navigate only within app://ucwa-tray; the web goes to the OS browser, the rest nowhere', () => {
    const contents = makeWindow().webContents;
    expect(contents.navigate('app://ucwa-tray/chat.html?conversation=c1')).toBe(false);
    for (const url of ['file:///etc/passwd', 'file:///app/out/renderer/popup.html', 'app://other/popup.html', 'app://ucwa-tray:1/popup.html', 'app://x@ucwa-tray/popup.html', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      expect(contents.navigate(url), url).toBe(true);
    }
    expect(contents.url).toBe('app://ucwa-tray/chat.html?conversation=c1');
    expect(contents.navigate('https://evil.example/phish')).toBe(true);
    expect(contents.navigate('https://evil.example/phish', 'will-redirect')).toBe(true);
    expect(shell.opened).toEqual(['https://evil.example/phish', 'https://evil.example/phish']);
  });

  it('refuses to attach a webview', () => {
    const contents = makeWindow().webContents;
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const session = makeWindow().webContents.session;
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) session.permissionRequestHandler?.(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(session.permissionCheckHandler?.()).toBe(false);
  });
});

describe('external links and CSP', () => {
  it('allows only http, https, mailto and tel (the contact card\'s phone numbers) without credentials', () => {
    expect(isAllowedExternalUrl('https://contoso.com')).toBe(true);
    expect(isAllowedExternalUrl('mailto:a@b.c')).toBe(true);
    expect(isAllowedExternalUrl('tel:+14255550100')).toBe(true);
    expect(isAllowedExternalUrl('sip:ben@contoso.com')).toBe(false);
    expect(isAllowedExternalUrl('callto:+14255550100')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@contoso.com')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('data:text/html,<script>')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('is strict: our scripts only, no inline, no framing, images from data/blob for photos', () => {
    const csp = CONTENT_SECURITY_POLICY;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("connect-src 'self';");
  });

  it('is carried by every page, which loads only its own script and the stylesheet', () => {
    const html = pageHtml('chat', 'Chat <b>');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    // A module: it imports the chunks shared with the other pages, from the same origin ('self').
    expect(html).toContain('<script type="module" src="chat.js"></script>');
    expect(html).toContain('<title>Chat &#60;b&#62;</title>');
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
