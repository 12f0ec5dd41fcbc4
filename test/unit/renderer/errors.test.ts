import { describe, expect, it } from 'vitest';
import { setPageLocale } from '../../../src/renderer/i18n';
import { signInErrorText } from '../../../src/renderer/state/errors';

describe('sign-in errors in plain words', () => {
  it('explains the codes a person can act on and keeps the detail where it helps', () => {
    expect(signInErrorText({ code: 'wrong-credentials', message: 'x' })).toBe('The address or password is not right. Check them and try again.');
    expect(signInErrorText({ code: 'unreachable', message: 'DNS failed.' })).toBe('The server could not be reached. DNS failed.');
    expect(signInErrorText({ code: 'tls', message: 'Self-signed.' })).toBe("The server's certificate is not trusted, so the app did not send your password. Self-signed.");
    expect(signInErrorText({ code: 'not-ucwa', message: 'It is a web page.' })).toBe('That server does not speak UCWA (Skype for Business / Lync). It is a web page.');
    expect(signInErrorText({ code: 'insecure-transport', message: 'x' })).toBe('That server address uses plain http. Your password is only sent over https.');
    expect(signInErrorText({ code: 'internal', message: 'Something specific.' })).toBe('Something specific.');
  });

  it('names each certificate problem, the proxy, and Windows and organization sign-in failures in the page’s words (issue #14)', () => {
    setPageLocale('en');
    expect(signInErrorText({ code: 'tls', message: 'English from main', host: 'pool.contoso.com', certificate: 'untrusted-issuer' })).toMatch(/^The certificate of pool\.contoso\.com comes from a certificate authority this computer does not trust\..*Company certificates/);
    expect(signInErrorText({ code: 'tls', message: 'x', host: 'pool.contoso.com', certificate: 'name-mismatch' })).toMatch(/^The certificate of pool\.contoso\.com is made out for a different name\./);
    expect(signInErrorText({ code: 'tls', message: 'x', host: 'pool.contoso.com', certificate: 'expired' })).toMatch(/^The certificate of pool\.contoso\.com has expired\./);
    expect(signInErrorText({ code: 'tls', message: 'x', host: 'pool.contoso.com', certificate: 'not-yet-valid' })).toMatch(/^The certificate of pool\.contoso\.com is not valid yet\./);
    expect(signInErrorText({ code: 'proxy-refused', message: 'x', host: 'https://pool.contoso.com:443' })).toBe('The proxy would not connect the app to pool.contoso.com:443. Ask IT whether this server may be reached through the proxy.');
    expect(signInErrorText({ code: 'proxy-auth-required', message: 'x', host: 'proxy.contoso.com:8080' })).toBe('The proxy proxy.contoso.com:8080 needs a user name and password.');
    expect(signInErrorText({ code: 'wrong-credentials', message: 'x' }, 'windows')).toMatch(/^Signing in with your Windows account did not work/);
    expect(signInErrorText({ code: 'wrong-credentials', message: 'x' }, 'passive')).toMatch(/^Signing in with your organization did not work/);
    expect(signInErrorText({ code: 'cancelled', message: 'x' }, 'passive')).toBe('The sign-in window was closed before signing in finished. Try again when you are ready.');
  });

  it('in German too, never the English message from main', () => {
    setPageLocale('de');
    try {
      const texts = [
        signInErrorText({ code: 'tls', message: 'English from main', host: 'pool.contoso.com', certificate: 'untrusted-issuer' }),
        signInErrorText({ code: 'tls', message: 'English from main', host: 'pool.contoso.com', certificate: 'expired' }),
        signInErrorText({ code: 'proxy-refused', message: 'English from main', host: 'https://pool.contoso.com:443' }),
        signInErrorText({ code: 'wrong-credentials', message: 'English from main' }, 'windows'),
        signInErrorText({ code: 'cancelled', message: 'English from main' }, 'passive'),
      ];
      expect(texts[0]).toMatch(/^Das Zertifikat von pool\.contoso\.com stammt von einer Zertifizierungsstelle/);
      expect(texts[1]).toMatch(/^Das Zertifikat von pool\.contoso\.com ist abgelaufen\./);
      expect(texts[2]).toMatch(/^Der Proxy hat die Verbindung der App zu pool\.contoso\.com:443 abgelehnt\./);
      expect(texts[3]).toMatch(/^Die Anmeldung mit Ihrem Windows-Konto hat nicht funktioniert/);
      expect(texts[4]).toMatch(/^Das Anmeldefenster wurde geschlossen/);
      expect(texts.filter((text) => text.includes('English'))).toEqual([]);
    } finally {
      setPageLocale('en');
    }
  });
});
