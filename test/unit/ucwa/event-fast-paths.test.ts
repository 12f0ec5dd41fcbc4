// The per-event helpers were rewritten for speed (sliced instead of matched or split): they must
// answer exactly what the straightforward versions answered, edge cases included.
import { describe, expect, it } from 'vitest';
import { decodeDataUri, normalizeMessageText } from '../../../src/main/ucwa/data-uri';
import { idFromUrl } from '../../../src/main/ucwa/resource';

function referenceId(url: URL): string {
  const parts = url.pathname.split('/').filter((p) => p !== '');
  return decodeURIComponent(parts[parts.length - 1] ?? url.pathname);
}

function referenceDecode(uri: string): { mime: string; text: string } | undefined {
  const match = /^data:([^,]*),([\s\S]*)$/i.exec(uri.trim());
  if (match === null) return undefined;
  const params = (match[1] ?? '').split(';').map((p) => p.trim());
  let mime = (params[0] ?? '').toLowerCase() || 'text/plain';
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

const outcome = <T>(f: () => T): { value: T } | { error: string } => {
  try {
    return { value: f() };
  } catch (error) {
    return { error: (error as Error).name };
  }
};

describe('per-event helpers', () => {
  it('idFromUrl: the last non-empty path segment, decoded, as before', () => {
    const paths = ['/a/b/c', '/a/b/c/', '/a/b/c//', '/', '//', '', '/only', '/x/ben%40contoso.com', '/x/%E2%82%AC', '/x/%ZZ', '/x/a%2Fb', '/ucwa/oauth/v1/applications/1/communication/conversations/c1', '/x/a;b', '/x/%'];
    for (const path of paths) {
      const url = new URL(`https://pool.contoso.com${path}`);
      expect({ path, id: outcome(() => idFromUrl(url)) }).toEqual({ path, id: outcome(() => referenceId(url)) });
    }
  });

  it('decodeDataUri: the same mime and text, or refusal, as the pattern-based version', () => {
    const uris = [
      'data:text/plain;charset=utf-8,Hello%20there',
      'DATA:text/plain,a+b%2Bc',
      ' data:text/html;charset=utf-8,%3Cb%3Ehi%3C%2Fb%3E ',
      'data:html/plain,x',
      'data:,just text',
      'data:text/plain;base64,SGVsbG8gd29ybGQ=',
      'data:text/plain;BASE64,SGVs bG8=',
      'data:text/plain;base64,not*base64',
      'data:text/plain,100%',
      'data:text/plain,a,b,c',
      'data:text/plain',
      'datum:text/plain,x',
      'dat',
      'data:text/plain,line%0D%0Aline%0A',
      'data:text/plain,\u20ac+%E2%82%AC',
    ];
    for (const uri of uris) expect({ uri, decoded: decodeDataUri(uri) }).toEqual({ uri, decoded: referenceDecode(uri) });
  });

  it('normalizeMessageText: CRLF to LF and no trailing line breaks, untouched otherwise', () => {
    const reference = (text: string): string => text.replace(/\r\n/g, '\n').replace(/\n+$/, '');
    for (const text of ['plain', 'a\r\nb', 'a\n\n', 'a\r\n', '\n', '', 'a\rb', 'a\nb']) expect(normalizeMessageText(text)).toBe(reference(text));
  });
});
