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
