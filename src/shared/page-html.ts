// Every window's page: the same strict Content-Security-Policy, one stylesheet, one module script
// (which imports the chunks it shares with the other pages; modules run deferred). The
// build writes these pages (scripts/build.mjs); the browser tests check the policy is enforced.

/**
 * Our scripts and styles only (no inline code, no eval), images from ourselves and data:/blob:
 * (photos), nothing to frame, embed or post to. In the app 'self' is app://ucwa-tray (a standard
 * scheme, so it has a real origin; src/main/windows/app-protocol.ts); in the web dev host it is the
 * host, and connect-src 'self' covers its WebSocket. The packaged app connects nowhere from a page.
 * (frame-ancestors is not listed: a meta policy cannot carry it; the app's protocol handler sends
 * this policy again as a header with frame-ancestors 'none'.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageHtml(page: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="app.css">
<script type="module" src="${escapeHtml(page)}.js"></script>
</head>
<body class="page-${escapeHtml(page)}"><div id="app"></div></body>
</html>
`;
}
