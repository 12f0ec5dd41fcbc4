import { describe, expect, it } from 'vitest';
import { escapeForTerminal, formatHumanLine, formatJsonLine } from '../../../src/cli/message-format';

const at = new Date('2026-12-02T10:11:12Z');

describe('listen output', () => {
  it('shows C0, C1 and DEL controls and bidi overrides as visible escapes, so nobody can rewrite the line', () => {
    const hostile = { from: { uri: 'sip:eve@contoso.com', name: 'Eve\u001b[2K\rBen Osei' }, conversation: 'c1', text: 'hi\u001b]0;title\u0007\r[10:00:00] Boss: pay\u0085\u009b31m\u007f\u202eevil', time: at };
    const line = formatHumanLine(hostile);
    expect(line).toBe('[10:11:12] Eve\\x1b[2K\\rBen Osei <sip:eve@contoso.com>: hi\\x1b]0;title\\x07\\r[10:00:00] Boss: pay\\x85\\x9b31m\\x7f\\u{202e}evil');
    // Nothing that a terminal acts on is left.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(line)).toBe(false);
  });

  it('keeps ordinary text, accents and emoji as they are, and a literal backslash unambiguous', () => {
    expect(escapeForTerminal('Grüße 👋 — ok')).toBe('Grüße 👋 — ok');
    expect(escapeForTerminal('a\\nb\nc')).toBe('a\\\\nb\\nc');
  });

  it('--json stays exact: the text is carried unchanged', () => {
    const text = 'hi\u001b[31m\r\nline';
    expect(JSON.parse(formatJsonLine({ from: { uri: 'sip:eve@contoso.com', name: 'E' }, conversation: 'c1', text, time: at })).text).toBe(text);
  });
});
