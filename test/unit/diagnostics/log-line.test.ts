// One log entry, one line, scrubbed at the last moment whatever the logger let through.
import { describe, expect, it } from 'vitest';
import { formatLogLine } from '../../../src/main/logging/log-line';

const AT = new Date('2026-11-02T10:00:00.000Z');

describe('log lines', () => {
  it('time, level, scope, message and fields, on one line', () => {
    expect(formatLogLine(AT, 'info', 'session', 'connection changed', { state: 'connected' })).toBe('2026-11-02T10:00:00.000Z INFO  session: connection changed {"state":"connected"}');
    expect(formatLogLine(AT, 'debug', 'ucwa', 'GET /ucwa/oauth/v1/applications -> 201 in 12 ms', {})).toBe('2026-11-02T10:00:00.000Z DEBUG ucwa: GET /ucwa/oauth/v1/applications -> 201 in 12 ms');
  });

  it('scrubs tokens, cwt values, password pairs and Authorization headers in the message and fields', () => {
    const line = formatLogLine(AT, 'warn', 'x', 'sent Authorization: Bearer cwt=AAEBsecret1 to /a?cwt=AAEBsecret2', {
      note: 'grant_type=password&username=ana&password=Hunter2!&x=1',
      header: 'authorization=Basic YWxhZGRpbjpvcGVu',
      nested: { list: ['Bearer eyJsecret3'] },
    });
    for (const secret of ['AAEBsecret1', 'AAEBsecret2', 'Hunter2', 'YWxhZGRpbjpvcGVu', 'eyJsecret3']) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });

  it('never writes fields named like secrets or message contents', () => {
    const line = formatLogLine(AT, 'info', 'x', 'm', { password: 'p1', accessToken: 't1', Authorization: 'a1', text: 'Lunch at noon?', html: '<b>hi</b>', body: 'b1', reason: 'kept' });
    for (const hidden of ['p1', 't1', 'a1', 'Lunch at noon?', '<b>hi</b>', 'b1']) expect(line).not.toContain(hidden);
    expect(line).toContain('"reason":"kept"');
  });

  it('a line break in a message or field cannot forge another entry', () => {
    const line = formatLogLine(AT, 'warn', 'x', 'first\n2026-11-02T10:00:01.000Z ERROR forged: line', { why: 'a\r\nb' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('first ⏎ 2026');
  });
});
