// RFC 2397 data URIs as UCWA uses them for message bodies (protocol §0, §6.4, §10.13).

export interface DataUriContent {
  readonly mime: string;
  readonly text: string;
}

/** Decodes `data:<mime>[;charset=…][;base64],<payload>`; `+` is a space in the form-encoded form. */
export function decodeDataUri(uri: string): DataUriContent | undefined {
  // Sliced, not matched: every incoming message passes here, and the pattern copied the payload.
  const trimmed = uri.trim();
  if (trimmed.slice(0, 5).toLowerCase() !== 'data:') return undefined;
  const comma = trimmed.indexOf(',', 5);
  if (comma < 0) return undefined;
  const params = trimmed.slice(5, comma).split(';').map((p) => p.trim());
  let mime = (params[0] ?? '').toLowerCase() || 'text/plain';
  // The C# SDK labelled HTML as `html/plain`; treat any html-ish label as HTML.
  if (mime.includes('html')) mime = 'text/html';
  const payload = trimmed.slice(comma + 1);
  if (params.some((p) => p.toLowerCase() === 'base64')) {
    const cleaned = payload.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(cleaned)) return undefined;
    return { mime, text: Buffer.from(decodeURIComponent(cleaned), 'base64').toString('utf8') };
  }
  const spaced = payload.includes('+') ? payload.replace(/\+/g, ' ') : payload;
  try {
    return { mime, text: spaced.includes('%') ? decodeURIComponent(spaced) : spaced };
  } catch {
    return undefined;
  }
}

export function encodeDataUri(mime: 'text/plain' | 'text/html', text: string): string {
  return `data:${mime};charset=utf-8,${encodeURIComponent(text)}`;
}

/** Message text as a person reads it: CRLF folded to LF and the trailing line break dropped. */
export function normalizeMessageText(text: string): string {
  if (!text.includes('\r') && !text.endsWith('\n')) return text;
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
