// The strict Content-Security-Policy of every window: our scripts and styles only, images from
// ourselves and data:/blob: (photos), no plugins, no framing, no form posts.
export function contentSecurityPolicy(options: { readonly devServerOrigin?: string } = {}): string {
  const connect = ["'self'", ...(options.devServerOrigin === undefined ? [] : [options.devServerOrigin, options.devServerOrigin.replace(/^http/, 'ws')])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
