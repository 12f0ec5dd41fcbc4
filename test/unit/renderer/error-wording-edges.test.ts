// Sign-in errors worded by the method used and the host named (state/error-wording.ts): a password
// sign-in gets the general words, a certificate error without a host the general TLS sentence, and a
// proxy origin is shown as host:port whatever follows it.
import { beforeAll, describe, expect, it } from 'vitest';
import { setPageLocale, t } from '../../../src/renderer/i18n';
import { signInErrorText } from '../../../src/renderer/state/errors';
import { errorText } from '../../../src/shared/error-text';
import { said } from './support/said';

beforeAll(() => setPageLocale('en'));

describe('sign-in error words', () => {
  it('gives a password sign-in the general words for wrong credentials and for a cancelled sign-in', async () => {
    expect(await said(signInErrorText({ code: 'wrong-credentials', message: 'x' }))).toBe('The address or password is not right. Check them and try again.');
    expect(await said(signInErrorText({ code: 'wrong-credentials', message: 'x' }, 'password'))).toBe('The address or password is not right. Check them and try again.');
    expect(await said(signInErrorText({ code: 'cancelled', message: 'x' }, 'password'))).toBe('It was stopped before it finished.');
    expect(await said(signInErrorText({ code: 'cancelled', message: 'x' }, 'windows'))).toBe('It was stopped before it finished.');
  });

  it('says the general certificate sentence when no host is named, never a certificate "of" nobody', async () => {
    for (const certificate of ['expired', 'untrusted-issuer'] as const) {
      const text = await said(signInErrorText({ code: 'tls', message: 'x', certificate }));
      expect(text).toBe(errorText(t, { code: 'tls' }));
      expect(text).toBe('The server’s certificate is not trusted, so the app did not send your password.');
    }
    expect(await said(signInErrorText({ code: 'tls', message: 'x', host: '', certificate: 'expired' }))).toBe(errorText(t, { code: 'tls' }));
  });

  it('names a proxy origin by host and port only, leaving out any path after it', async () => {
    expect(await said(signInErrorText({ code: 'proxy-refused', message: 'x', host: 'https://pool.contoso.com:443/ucwa/oauth' }))).toBe(
      'The proxy would not connect the app to pool.contoso.com:443. Ask IT whether this server may be reached through the proxy.',
    );
    expect(await said(signInErrorText({ code: 'proxy-auth-required', message: 'x', host: 'http://proxy.contoso.com:8080/' }))).toBe('The proxy proxy.contoso.com:8080 needs a user name and password.');
  });
});
