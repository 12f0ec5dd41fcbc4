// sip:/im: links come from anyone (a web page, a mail, another program's argv): only well-formed
// addresses reach openChat; the rest are dropped with one log line each.
import { describe, expect, it } from 'vitest';
import { ChatLinks, parseChatLink } from '../../../src/main/platform/os-links';

describe('parseChatLink', () => {
  it.each([
    ['sip:ben@contoso.com', 'sip:ben@contoso.com'],
    ['SIP:Ben@Contoso.com', 'sip:Ben@Contoso.com'],
    ['im:ben@contoso.com', 'sip:ben@contoso.com'],
    ['im:<sip:ben@contoso.com>', 'sip:ben@contoso.com'],
    ['im:<sip:ben@contoso.com><sip:carl@contoso.com>', 'sip:ben@contoso.com'],
    ['sip://ben@contoso.com', 'sip:ben@contoso.com'],
    ['sip:ben@contoso.com;transport=tls', 'sip:ben@contoso.com'],
    ['sip:ben@contoso.com?subject=Lunch', 'sip:ben@contoso.com'],
    ['sip:ben%40contoso.com', 'sip:ben@contoso.com'],
    ["sip:o'brien@contoso.com", "sip:o'brien@contoso.com"],
  ])('takes %s', (link, uri) => {
    expect(parseChatLink(link)).toBe(uri);
  });

  it.each([
    ['an empty sip:', 'sip:'],
    ['sip:// with nothing after it', 'sip://'],
    ['no domain', 'sip:ben'],
    ['two @', 'sip:ben@contoso.com@evil.example'],
    ['a space', 'sip:ben @contoso.com'],
    ['an encoded space', 'sip:ben%20x@contoso.com'],
    ['a newline (log forging)', 'sip:ben@contoso.com\n[info] main: signed in as admin'],
    ['an encoded newline', 'sip:ben@contoso.com%0d%0aX'],
    ['a NUL', 'sip:ben\u0000@contoso.com'],
    ['an escape sequence', 'sip:ben\u001b[31m@contoso.com'],
    ['DEL', 'sip:ben\u007f@contoso.com'],
    ['a bidi override', 'sip:ben\u202e@contoso.com'],
    ['markup', 'sip:<script>@contoso.com'],
    ['a quote', 'sip:ben"@contoso.com'],
    ['a very long address', `sip:${'a'.repeat(300)}@contoso.com`],
    ['a huge link', `sip:ben@contoso.com;${'x'.repeat(100_000)}`],
    ['a broken escape', 'sip:ben%E0%A4%A@contoso.com'],
    ['im: with an unclosed bracket', 'im:<sip:ben@contoso.com'],
    ['im: with empty brackets', 'im:<>'],
    ['another scheme', 'javascript:alert(1)//sip:ben@contoso.com'],
    ['https', 'https://contoso.com/sip:ben@contoso.com'],
    ['tel:', 'tel:+15551234'],
    ['a flag', '--sip:ben@contoso.com'],
    ['text before the scheme', ' sip:ben@contoso.com'],
  ])('drops %s', (_what, link) => {
    expect(parseChatLink(link)).toBeUndefined();
  });
});

describe('ChatLinks', () => {
  function links(): { links: ChatLinks; opened: string[]; logged: { message: string; fields?: Record<string, unknown> }[] } {
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const opened: string[] = [];
    const l = new ChatLinks({ warn: (message, fields) => logged.push({ message, ...(fields === undefined ? {} : { fields }) }) });
    l.deliverTo((uri) => opened.push(uri));
    return { links: l, opened, logged };
  }

  it('takes the first link in argv, never the program or a switch that contains one', () => {
    const { links: l, opened } = links();
    expect(l.fromArgv(['/usr/bin/ucwa-tray', '--inspect=sip:evil@evil.example', '--open', 'sip:ben@contoso.com', 'sip:carl@contoso.com'], 'argv')).toBe('opened');
    expect(opened).toEqual(['sip:ben@contoso.com']);
    expect(l.fromArgv(['sip:first-arg-is-the-program@contoso.com', '--hidden'], 'argv')).toBe('none');
    expect(l.fromArgv(['/usr/bin/ucwa-tray', '--allow-file-access-from-files', '--user-data-dir=/tmp/sip:x@y'], 'argv')).toBe('none');
    expect(opened).toEqual(['sip:ben@contoso.com']);
  });

  it('logs one escaped, bounded line for a malformed link and opens nothing', () => {
    const { links: l, opened, logged } = links();
    expect(l.fromArgv(['/usr/bin/ucwa-tray', `sip:ben\n[error] forged@contoso.com${'x'.repeat(5_000)}`], 'second-instance')).toBe('ignored');
    expect(l.receive('javascript:alert(1)', 'open-url')).toBe(false);
    expect(opened).toEqual([]);
    expect(logged).toHaveLength(2);
    const [first] = logged;
    expect(first?.message).toBe('ignored a malformed link');
    const shown = String(first?.fields?.link);
    expect(shown).not.toContain('\n');
    expect(shown).toContain('\\n');
    expect(shown.length).toBeLessThan(150);
    expect(first?.fields?.source).toBe('second-instance');
  });

  it('keeps links that arrive before the app is up (macOS open-url at a cold start) until it is', () => {
    const opened: string[] = [];
    const l = new ChatLinks({ warn: () => undefined });
    expect(l.receive('sip:ben@contoso.com', 'open-url')).toBe(true);
    expect(l.receive('im:carl@contoso.com', 'open-url')).toBe(true);
    expect(opened).toEqual([]);
    l.deliverTo((uri) => opened.push(uri));
    expect(opened).toEqual(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
    l.receive('sip:dana@contoso.com', 'open-url');
    expect(opened).toHaveLength(3);
  });
});
