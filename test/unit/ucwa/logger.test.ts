import { describe, expect, it } from 'vitest';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';

describe('log redaction', () => {
  it('scrubs registered secrets, bearer tokens, cwt tokens and password fields', () => {
    const redactor = new SecretRedactor();
    redactor.add('S3cret&pass');
    const lines: string[] = [];
    const log = createLogger('t', (_l, _s, message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`), redactor);
    log.info('token Bearer cwt=AAEBxyz and S3cret&pass', { body: 'grant_type=password&username=a&password=S3cret%26pass', header: 'Authorization: Bearer abc.def' });
    const all = lines.join('\n');
    expect(all).not.toContain('S3cret');
    expect(all).not.toContain('AAEBxyz');
    expect(all).not.toContain('abc.def');
    expect(all).toContain('[redacted]');
  });
});

describe('logger', () => {
  const record = (): { lines: unknown[][]; redactor: SecretRedactor; log: ReturnType<typeof createLogger> } => {
    const lines: unknown[][] = [];
    const redactor = new SecretRedactor();
    return { lines, redactor, log: createLogger('ucwa', (...args) => void lines.push(args), redactor) };
  };

  it('writes each level with its scope, and no fields when none were given', () => {
    const { lines, log } = record();
    log.debug('d');
    log.info('i', { n: 1 });
    log.warn('w');
    log.error('e', { ok: true, list: [1, null] });
    expect(lines).toEqual([
      ['debug', 'ucwa', 'd', undefined],
      ['info', 'ucwa', 'i', { n: 1 }],
      ['warn', 'ucwa', 'w', undefined],
      ['error', 'ucwa', 'e', { ok: true, list: [1, null] }],
    ]);
  });

  it('redacts fields named for secrets wherever they are nested, and secrets inside lists', () => {
    const { lines, redactor, log } = record();
    redactor.add('hunter22');
    log.info('signing in', { user: 'ana', Password: 'x', accessToken: 'y', headers: { authorization: 'z', accept: 'json' }, tries: ['hunter22 again', 3] });
    expect(lines[0]?.[3]).toEqual({ user: 'ana', Password: '[redacted]', accessToken: '[redacted]', headers: { authorization: '[redacted]', accept: 'json' }, tries: ['[redacted] again', 3] });
  });

  it('scrubs every occurrence of a secret, raw or URL-encoded, and only secrets of three characters or more', () => {
    const { lines, redactor, log } = record();
    redactor.add('a b&c');
    redactor.add('ab');
    redactor.add(undefined);
    redactor.add('abc');
    log.info('a b&c, a%20b%26c and a b&c; abc, xabcx and ab');
    expect(lines[0]?.[2]).toBe('[redacted], [redacted] and [redacted]; [redacted], x[redacted]x and ab');
  });

  it('scrubs bearer and cwt tokens and password parameters of any case, and leaves other words alone', () => {
    const redactor = new SecretRedactor();
    expect(redactor.scrub('BEARER t1 then bearer   t2')).toBe('BEARER [redacted] then bearer   [redacted]');
    expect(redactor.scrub('cwt=AAE+/=_-x1&ack=2')).toBe('cwt=[redacted]&ack=2');
    expect(redactor.scrub('PASSWORD=p1&user=ana password="p2" password=')).toBe('PASSWORD=[redacted]&user=ana password=[redacted]"p2" password=[redacted]');
    expect(redactor.scrub('nothing secret here')).toBe('nothing secret here');
  });
});
