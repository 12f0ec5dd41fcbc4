// The certificate problem a failed connection is reported as (issue #14): the codes come from
// OpenSSL and Node on the error undici throws, possibly a few causes deep, next to error names.
import { describe, expect, it } from 'vitest';
import { toTransportError } from '../../../src/main/ucwa/http-transport';

const SERVER = new URL('https://lyncweb.contoso.com/autodiscover');

/** What undici rejects with: a TypeError whose cause is the socket's error carrying `code`. */
function failure(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`socket: ${code}`), { code }) });
}

describe('certificate problems from the connection error', () => {
  it.each(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_UNTRUSTED'])(
    '%s: an issuer this computer does not trust',
    (code) => {
      const error = toTransportError(failure(code), SERVER);
      expect(error.code).toBe('tls');
      expect(error.certificateProblem).toBe('untrusted-issuer');
      expect(error.message).toContain(`certificate authority this computer does not trust (${code})`);
    },
  );

  it('a certificate that is not valid yet: the clock, not the server', () => {
    const error = toTransportError(failure('CERT_NOT_YET_VALID'), SERVER);
    expect(error.certificateProblem).toBe('not-yet-valid');
    expect(error.message).toMatch(/lyncweb\.contoso\.com is not valid yet \(CERT_NOT_YET_VALID\)/);
  });

  it('another TLS failure among ordinary error names is still a certificate problem, not "cannot reach"', () => {
    const error = toTransportError(failure('ERR_SSL_WRONG_VERSION_NUMBER'), SERVER);
    expect(error.code).toBe('tls');
    expect(error.certificateProblem).toBe('other');
    expect(error.message).not.toMatch(/cannot reach/i);
  });

  it('a failure with no certificate code is not a certificate problem', () => {
    const error = toTransportError(failure('ECONNREFUSED'), SERVER);
    expect(error.code).toBe('unreachable');
    expect(error.certificateProblem).toBeUndefined();
  });
});
