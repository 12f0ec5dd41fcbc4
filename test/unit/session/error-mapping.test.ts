// Errors cross to the windows as the contract's closed set of codes: every client error code has
// its place, an unknown one is "unavailable", and anything else is "internal" without its details.
import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../src/shared/ipc-failure';
import { toIpcFailure } from '../../../src/main/session/error-mapping';
import { UcwaError } from '../../../src/main/ucwa/index';
import type { UcwaErrorCode } from '../../../src/main/ucwa/index';
import { errorDetail } from '../../../src/shared/error-detail';

describe('errors for the windows', () => {
  it('map each client error code, keeping its message', () => {
    const expected: Record<UcwaErrorCode, string> = {
      'wrong-credentials': 'wrong-credentials',
      'auth-failed': 'wrong-credentials',
      unreachable: 'unreachable',
      timeout: 'unreachable',
      tls: 'tls',
      'bad-ca-file': 'tls',
      'proxy-auth-required': 'proxy-auth-required',
      'proxy-refused': 'proxy-refused',
      'not-ucwa': 'not-ucwa',
      'malformed-response': 'not-ucwa',
      'insecure-transport': 'insecure-transport',
      http: 'unavailable',
      'application-gone': 'unavailable',
      gone: 'unavailable',
      'delivery-failed': 'send-failed',
      'delivery-unconfirmed': 'send-failed',
      'untrusted-server': 'untrusted-server',
      'invitation-failed': 'send-failed',
      'not-found': 'not-found',
      'not-signed-in': 'not-signed-in',
      cancelled: 'cancelled',
    };
    for (const [code, mapped] of Object.entries(expected)) {
      const failure = toIpcFailure(new UcwaError(code as UcwaErrorCode, `because ${code}`));
      expect(failure.code, code).toBe(mapped);
      // Without a detail, the English message stays for the log; codes that say enough get a detail.
      if (failure.detail === undefined) expect(failure.message, code).toBe(`because ${code}`);
    }
  });

  it('carry what is wrong with a certificate, and the host, so the page can word it', () => {
    const failure = toIpcFailure(new UcwaError('tls', 'expired', { host: 'pool.contoso.com', certificateProblem: 'expired' }));
    expect([failure.code, failure.host, failure.certificate]).toEqual(['tls', 'pool.contoso.com', 'expired']);
  });

  it('carry the detail to where it is worded, its English words as the message', () => {
    const failure = toIpcFailure(new UcwaError('unreachable', errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNREFUSED' })));
    expect(failure.detail).toEqual(errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNREFUSED' }));
    expect(failure.message).toBe('Cannot reach lync.contoso.com (ECONNREFUSED).');
    expect(toIpcFailure(new UcwaError('http', 'x', { status: 503, subcode: 'ServiceFailure' })).detail).toEqual(errorDetail('serverAnswered', { status: 503, subcode: 'ServiceFailure' }));
  });

  it('pass an IpcFailure through and hide anything else', () => {
    const own = new IpcFailure('not-found', 'No such chat.');
    expect(toIpcFailure(own)).toBe(own);
    const hidden = toIpcFailure(new Error('ENOENT /home/ana/.config'));
    expect([hidden.code, hidden.message]).toEqual(['internal', 'Something went wrong in the app.']);
  });
});
