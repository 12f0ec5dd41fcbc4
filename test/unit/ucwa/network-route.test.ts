// Which proxy the environment names for a server (the CLI's route and the connection doctor's
// report): HTTPS_PROXY / HTTP_PROXY in either case, and NO_PROXY's exemptions as curl reads them.
import { describe, expect, it } from 'vitest';
import { credentialsInProxyUrl, environmentProxy, environmentProxyUrl, proxyToken } from '../../../src/main/ucwa/network-route';

const PROXY = 'http://proxy.contoso.com:8080';

describe('the proxy the environment names', () => {
  it('https takes HTTPS_PROXY, plain http takes HTTP_PROXY, each in lower case too', () => {
    const env = { HTTPS_PROXY: 'http://secure-proxy:3128', HTTP_PROXY: PROXY };
    expect(environmentProxy('https://lyncweb.contoso.com', env)).toBe('http://secure-proxy:3128');
    expect(environmentProxy('http://lyncweb.contoso.com', env)).toBe(PROXY);
    expect(environmentProxy('http://lyncweb.contoso.com', { http_proxy: PROXY })).toBe(PROXY);
    expect(environmentProxy('https://lyncweb.contoso.com', { https_proxy: PROXY })).toBe(PROXY);
  });

  it('https falls back to HTTP_PROXY when no HTTPS_PROXY is set', () => {
    expect(environmentProxy('https://lyncweb.contoso.com', { HTTP_PROXY: PROXY })).toBe(PROXY);
    expect(environmentProxy('https://lyncweb.contoso.com', { http_proxy: PROXY })).toBe(PROXY);
  });

  it('an empty variable means no proxy', () => {
    expect(environmentProxy('https://lyncweb.contoso.com', { HTTPS_PROXY: '' })).toBeUndefined();
    expect(environmentProxyUrl('http://lyncweb.contoso.com', { HTTP_PROXY: '' })).toBeUndefined();
    expect(environmentProxy('https://lyncweb.contoso.com', {})).toBeUndefined();
  });

  it("keeps the proxy's user:password@ for the tunnel, and shows it without", () => {
    const env = { HTTPS_PROXY: 'http://ana:s%40cret@proxy.contoso.com:8080' };
    expect(environmentProxyUrl('https://lyncweb.contoso.com', env)).toBe('http://ana:s%40cret@proxy.contoso.com:8080');
    expect(environmentProxy('https://lyncweb.contoso.com', env)).toBe(PROXY);
  });
});

describe('NO_PROXY', () => {
  const via = (origin: string, noProxy: string): string | undefined => environmentProxy(origin, { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: noProxy });

  it('a domain exempts itself and its subdomains, and nothing that only ends the same way', () => {
    expect(via('https://contoso.com', 'contoso.com')).toBeUndefined();
    expect(via('https://pool.contoso.com', 'contoso.com')).toBeUndefined();
    expect(via('https://notcontoso.com', 'contoso.com')).toBe(PROXY);
    expect(via('https://fabrikam.com', 'contoso.com')).toBe(PROXY);
  });

  it('a leading dot or *. covers the domain itself too', () => {
    expect(via('https://contoso.com', '.contoso.com')).toBeUndefined();
    expect(via('https://pool.contoso.com', '.contoso.com')).toBeUndefined();
    expect(via('https://contoso.com', '*.contoso.com')).toBeUndefined();
    expect(via('https://pool.contoso.com', '*.contoso.com')).toBeUndefined();
  });

  // The CLI's requests go through undici's EnvHttpProxyAgent, its NTLM legs and the doctor through this
  // function: both must read NO_PROXY alike, or one leg of a sign-in takes another road.
  it('an entry with a port exempts the host on that port only (the scheme port when the URL has none), as undici does', () => {
    expect(via('https://contoso.com:8443', 'contoso.com:8443')).toBeUndefined();
    expect(via('https://pool.contoso.com:8443', 'contoso.com:8443')).toBeUndefined();
    expect(via('https://contoso.com', 'contoso.com:8443')).toBe(PROXY);
    expect(via('https://contoso.com', 'contoso.com:443')).toBeUndefined();
    expect(via('http://contoso.com', 'contoso.com:80')).toBeUndefined();
    expect(via('http://[::1]:8080', '[::1]')).toBeUndefined();
    expect(via('http://[::1]:8080', '[::1]:8080')).toBeUndefined();
    expect(via('http://[::1]:8080', '[::1]:9090')).toBe(PROXY);
  });

  it('entries are read in any case, as host names are', () => {
    expect(via('https://pool.contoso.com', 'CONTOSO.COM')).toBeUndefined();
    expect(via('https://Pool.Contoso.com', '.Contoso.Com')).toBeUndefined();
  });

  it('* alone exempts everything; inside a list it is no host at all (as undici and curl read it)', () => {
    expect(via('https://anything.example', '*')).toBeUndefined();
    expect(via('https://anything.example', 'contoso.com,*')).toBe(PROXY);
  });

  it('a list split by commas and blanks; * exempts everything; the lower-case name is read too', () => {
    expect(via('https://pool.fabrikam.com', 'contoso.com, fabrikam.com')).toBeUndefined();
    expect(via('https://pool.fabrikam.com', 'contoso.com fabrikam.com')).toBeUndefined();
    expect(via('https://anything.example', '*')).toBeUndefined();
    expect(environmentProxy('https://pool.contoso.com', { HTTPS_PROXY: PROXY, no_proxy: 'contoso.com' })).toBeUndefined();
    expect(via('https://pool.contoso.com', '')).toBe(PROXY);
  });

  it('a stray comma exempts nothing, not even a fully qualified name with its trailing dot', () => {
    expect(via('https://pool.fabrikam.com./', 'contoso.com,')).toBe(PROXY);
    expect(via('https://pool.fabrikam.com./', ', contoso.com')).toBe(PROXY);
  });
});

describe('proxy credentials', () => {
  it('a proxy URL without a user carries no credentials', () => {
    expect(credentialsInProxyUrl(new URL(PROXY))).toBeUndefined();
  });

  it('user and password are decoded, and sent only as Basic', () => {
    const credentials = credentialsInProxyUrl(new URL('http://CONTOSO%5Cana:p%40ss%3Aword@proxy.contoso.com:8080'));
    expect(credentials).toEqual({ user: 'CONTOSO\\ana', password: 'p@ss:word' });
    expect(proxyToken({ user: 'ana', password: 'p@ss:word' })).toBe(`Basic ${Buffer.from('ana:p@ss:word').toString('base64')}`);
  });
});
