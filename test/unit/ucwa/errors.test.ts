// The client's errors are data the callers switch on: a code, what the server said, and a detail
// the windows word in the user's language; the English message is for the log.
import { describe, expect, it } from 'vitest';
import { UcwaError, detailFromCode, detailOf, isTransient, isUcwaError } from '../../../src/main/ucwa/errors';
import type { UcwaErrorCode } from '../../../src/main/ucwa/errors';
import { errorDetail } from '../../../src/shared/error-detail';
import { englishDetail } from '../../../src/shared/ipc-failure';

describe('UcwaError', () => {
  it('takes English words as its message, or a detail whose English words become the message', () => {
    const plain = new UcwaError('http', 'HTTP 500 from the pool', { status: 500, subcode: 'ServiceFailure', retryAfterMs: 2000, host: 'pool.contoso.com' });
    expect(plain).toBeInstanceOf(Error);
    expect(plain.name).toBe('UcwaError');
    expect([plain.code, plain.message, plain.status, plain.subcode, plain.retryAfterMs, plain.host, plain.detail, plain.cause]).toEqual(['http', 'HTTP 500 from the pool', 500, 'ServiceFailure', 2000, 'pool.contoso.com', undefined, undefined]);
    expect(plain).not.toHaveProperty('cause');
    const detail = errorDetail('tokenRefused', { host: 'pool.contoso.com' });
    const worded = new UcwaError('auth-failed', detail, { status: 401 });
    expect(worded.message).toBe(englishDetail(detail));
    expect(worded.message).not.toBe('');
    expect(worded.detail).toEqual(detail);
  });

  it('keeps a detail given beside English words, and the cause and certificate problem it was given', () => {
    const detail = errorDetail('malformedAnswer', {});
    const cause = new TypeError('fetch failed');
    const error = new UcwaError('tls', 'certificate refused', { detail, cause, certificateProblem: 'untrusted-issuer' });
    expect(error.detail).toBe(detail);
    expect(error.cause).toBe(cause);
    expect(error.certificateProblem).toBe('untrusted-issuer');
  });
});

describe('detailOf and isUcwaError', () => {
  it('reads the detail of a UcwaError only', () => {
    const detail = errorDetail('applicationGone', {});
    expect(detailOf(new UcwaError('application-gone', detail))).toBe(detail);
    expect(detailOf(new UcwaError('http', 'words'))).toBeUndefined();
    expect(detailOf(Object.assign(new Error('x'), { detail }))).toBeUndefined();
    expect(detailOf('a string')).toBeUndefined();
  });

  it('tells a UcwaError of any code, or of one of the codes named', () => {
    const error = new UcwaError('timeout', 'slow');
    expect(isUcwaError(error)).toBe(true);
    expect(isUcwaError(error, 'timeout')).toBe(true);
    expect(isUcwaError(error, 'unreachable', 'timeout')).toBe(true);
    expect(isUcwaError(error, 'unreachable')).toBe(false);
    expect(isUcwaError(new Error('timeout'))).toBe(false);
    expect(isUcwaError({ code: 'timeout' }, 'timeout')).toBe(false);
  });
});

describe('isTransient', () => {
  it('retries the network, timeouts, 5xx, 429 and 408, nothing else', () => {
    const http = (status?: number): UcwaError => new UcwaError('http', 'answer', status === undefined ? {} : { status });
    expect([new UcwaError('unreachable', 'x'), new UcwaError('timeout', 'x'), http(500), http(503), http(599), http(429), http(408)].map(isTransient)).toEqual([true, true, true, true, true, true, true]);
    expect([http(499), http(404), http(409), http(400), http(), new UcwaError('not-found', 'x', { status: 500 }), new UcwaError('auth-failed', 'x'), new Error('timeout'), 'timeout'].map(isTransient)).toEqual([false, false, false, false, false, false, false, false, false]);
  });
});

describe('detailFromCode', () => {
  it('words what a code tells, and an HTTP status with its subcode', () => {
    const of = (code: UcwaErrorCode, details = {}): unknown => detailFromCode(new UcwaError(code, 'English words', details));
    expect(of('malformed-response')).toEqual(errorDetail('malformedAnswer', {}));
    expect(of('application-gone')).toEqual(errorDetail('applicationGone', {}));
    expect(of('gone')).toEqual(errorDetail('resourceGone', {}));
    expect(of('not-found')).toEqual(errorDetail('resourceNotFound', {}));
    expect(of('cancelled')).toEqual(errorDetail('cancelled', {}));
    expect(of('http', { status: 403, subcode: 'Forbidden' })).toEqual(errorDetail('serverAnswered', { status: 403, subcode: 'Forbidden' }));
    expect(of('http', { status: 500 })).toEqual(errorDetail('serverAnswered', { status: 500, subcode: '' }));
    expect(of('http')).toBeUndefined();
    expect(of('timeout')).toBeUndefined();
    expect(of('unreachable')).toBeUndefined();
  });
});
