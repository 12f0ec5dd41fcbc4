import { describe, expect, it } from 'vitest';
import { decodeDataUri, encodeDataUri, htmlToText } from '../../../src/main/ucwa/data-uri';

describe('decodeDataUri', () => {
  it('decodes form encoding: + is a space, CRLF percent-encoded', () => {
    expect(decodeDataUri('data:text/plain;charset=utf-8,Lunch+at+12%3A30%3F%0d%0a')).toEqual({ mime: 'text/plain', text: 'Lunch at 12:30?\r\n' });
  });
  it('keeps a literal plus sent as %2B', () => {
    expect(decodeDataUri('data:text/plain,1%2B1+%3D+2')?.text).toBe('1+1 = 2');
  });
  it('decodes base64 bodies as UTF-8', () => {
    const b64 = Buffer.from('Grüße 👋', 'utf8').toString('base64');
    expect(decodeDataUri(`data:text/plain;charset=utf-8;base64,${b64}`)).toEqual({ mime: 'text/plain', text: 'Grüße 👋' });
  });
  it('treats the html/plain label of one SDK as HTML', () => {
    expect(decodeDataUri('data:html/plain,%3Cb%3Ehi%3C%2Fb%3E')).toEqual({ mime: 'text/html', text: '<b>hi</b>' });
  });
  it('defaults a missing media type to text/plain', () => {
    expect(decodeDataUri('data:,hello')?.mime).toBe('text/plain');
  });
  it('rejects what is not a data URI or is broken', () => {
    expect(decodeDataUri('https://example.com/x')).toBeUndefined();
    expect(decodeDataUri('data:text/plain,%E0%A4%A')).toBeUndefined();
    expect(decodeDataUri('data:text/plain;base64,@@@')).toBeUndefined();
  });
  it('round-trips what encodeDataUri writes', () => {
    const text = 'a+b & c=d %20 100% ☕\nline';
    expect(decodeDataUri(encodeDataUri('text/plain', text))?.text).toBe(text);
  });
});

describe('htmlToText', () => {
  it('keeps the text of styled desktop-client markup and decodes entities', () => {
    expect(htmlToText('<span style="font-family:Segoe UI">Fish &amp; chips &lt;3</span><br/>next')).toBe('Fish & chips <3\nnext');
  });
  it('drops script and style content', () => {
    expect(htmlToText('<script>alert(1)</script><style>b{}</style>ok')).toBe('ok');
  });
  it('decodes numeric entities', () => {
    expect(htmlToText('&#72;&#x49;')).toBe('HI');
  });
});

describe('htmlToText with hostile character references', () => {
  it('turns a reference outside Unicode or a lone surrogate into U+FFFD instead of throwing', () => {
    expect(htmlToText('a&#x110000;b&#xD800;c&#0;d&#65;')).toBe('a\uFFFDb\uFFFDc\uFFFDdA');
    expect(htmlToText('&#99999999999999999999;')).toBe('\uFFFD');
  });
});

