import { beforeAll, describe, expect, it } from 'vitest';
import { setPageLocale } from '../../../src/renderer/i18n';
import { signInErrorText } from '../../../src/renderer/state/errors';

// The windows load their language's catalog before they show any text; so do these tests.
beforeAll(() => setPageLocale('en'));

describe('sign-in errors in plain words', () => {
  it('explains the codes a person can act on and keeps the detail where it helps', () => {
    expect(signInErrorText({ code: 'wrong-credentials', message: 'x' })).toBe('The address or password is not right. Check them and try again.');
    expect(signInErrorText({ code: 'unreachable', message: 'DNS failed.' })).toBe('The server could not be reached. DNS failed.');
    expect(signInErrorText({ code: 'tls', message: 'Self-signed.' })).toBe("The server's certificate is not trusted, so the app did not send your password. Self-signed.");
    expect(signInErrorText({ code: 'not-ucwa', message: 'It is a web page.' })).toBe('That server does not speak UCWA (Skype for Business / Lync). It is a web page.');
    expect(signInErrorText({ code: 'insecure-transport', message: 'x' })).toBe('That server address uses plain http. Your password is only sent over https.');
    expect(signInErrorText({ code: 'internal', message: 'Something specific.' })).toBe('Something specific.');
  });
});
