import { describe, expect, it } from 'vitest';
import { decodeDataUri, encodeDataUri, htmlToText, normalizeMessageText } from '../../../src/main/ucwa/data-uri';

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


describe('data URIs and message text: the edges', () => {
  it('reads a data URI whose payload starts at once, whose parameters have blanks, and whose base64 has line breaks', () => {
    expect(decodeDataUri('data:,hello')).toEqual({ mime: 'text/plain', text: 'hello' });
    expect(decodeDataUri('  DATA: text/plain ; charset=utf-8 , x  ')).toEqual({ mime: 'text/plain', text: ' x' });
    expect(decodeDataUri('data:text/plain; BASE64 ,aGVs\r\nbG8=')).toEqual({ mime: 'text/plain', text: 'hello' });
    expect(decodeDataUri('data:text/plain;base64,aGVsbG8')).toEqual({ mime: 'text/plain', text: 'hello' });
    expect(decodeDataUri('data:text/plain;base64,aGVs*bG8=')).toBeUndefined();
    expect(decodeDataUri('data:text/plain;base64,aGVsbG8===')).toBeUndefined();
    expect(decodeDataUri('data:text/plain,100%')).toBeUndefined();
    expect(decodeDataUri('data:text/plain,a+b%2Bc')).toEqual({ mime: 'text/plain', text: 'a b+c' });
    expect(decodeDataUri('datax,hello')).toBeUndefined();
    expect(decodeDataUri('data:text/html')).toBeUndefined();
  });

  it('folds CRLF and drops every trailing line break, and leaves other text alone', () => {
    expect(normalizeMessageText('a\r\nb\r\n\r\n')).toBe('a\nb');
    expect(normalizeMessageText('a\nb\n')).toBe('a\nb');
    expect(normalizeMessageText('a\rb')).toBe('a\rb');
    expect(normalizeMessageText('a\n\nb')).toBe('a\n\nb');
  });

  it('turns line breaks and block ends into new lines, drops tags, keeps unknown entities as written', () => {
    expect(htmlToText('a<br>b<BR/>c<br />d<p>e</p><div>f</div><ul><li>g</li></ul>')).toBe('a\nb\nc\nde\nf\ng');
    expect(htmlToText('<b>x</b> &amp; &lt;y&gt; &quot;z&quot; &apos;w&apos; &#39;v&#39; a&nbsp;b &copy; &bogus;')).toBe('x & <y> "z" \'w\' \'v\' a b &copy; &bogus;');
    expect(htmlToText('<script type="x">alert(1)</script>ok<style>\np{}\n</style>!<SCRIPT>x</SCRIPT>')).toBe('ok!');
    expect(htmlToText('<br/ >a')).toBe('a');
    expect(htmlToText('&#x41;&#X42;&#67;&#x10FFFF;&#xD800;&#xDFFF;&#xE000;&#0;')).toBe('ABC\u{10FFFF}\uFFFD\uFFFD\uE000\uFFFD');
    expect(htmlToText('line<br>\n')).toBe('line');
  });
});
