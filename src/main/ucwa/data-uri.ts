// RFC 2397 data URIs as UCWA uses them for message bodies (protocol §0, §6.4, §10.13).

export interface DataUriContent {
  readonly mime: string;
  readonly text: string;
}

/** Decodes `data:<mime>[;charset=…][;base64],<payload>`; `+` is a space in the form-encoded form. */
export function decodeDataUri(uri: string): DataUriContent | undefined {
  const match = /^data:([^,]*),([\s\S]*)$/i.exec(uri.trim());
  if (match === null) return undefined;
  const params = (match[1] ?? '').split(';').map((p) => p.trim());
  let mime = (params[0] ?? '').toLowerCase() || 'text/plain';
  // The C# SDK labelled HTML as `html/plain`; treat any html-ish label as HTML.
  if (mime.includes('html')) mime = 'text/html';
  const payload = match[2] ?? '';
  if (params.some((p) => p.toLowerCase() === 'base64')) {
    const cleaned = payload.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(cleaned)) return undefined;
    return { mime, text: Buffer.from(decodeURIComponent(cleaned), 'base64').toString('utf8') };
  }
  try {
    return { mime, text: decodeURIComponent(payload.replace(/\+/g, ' ')) };
  } catch {
    return undefined;
  }
}

export function encodeDataUri(mime: 'text/plain' | 'text/html', text: string): string {
  return `data:${mime};charset=utf-8,${encodeURIComponent(text)}`;
}

/** Message text as a person reads it: CRLF folded to LF and the trailing line break dropped. */
export function normalizeMessageText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n+$/, '');
}

/** The text content of an HTML message, for plain-text output and notifications. */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+|#39);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return codePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#') && lower !== '#39') return codePoint(Number(lower.slice(1)));
      return entities[lower] ?? whole;
    })
    .replace(/\n+$/, '');
}

/** A numeric character reference; one outside Unicode (`&#x110000;`) or a lone surrogate becomes U+FFFD, as in HTML. */
function codePoint(value: number): string {
  if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(value);
}
