import { describe, expect, it } from 'vitest';
import { parseMsRtcOAuthChallenge } from '../../../src/main/ucwa/www-authenticate';

const bearer = 'Bearer trusted_issuers="00000002-0000-0ff1-ce00-000000000000@contoso.com", client_id="00000004-0000-0ff1-ce00-000000000000"';
const msrtc = 'MsRtcOAuth href="https://lyncext.contoso.com/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"';

describe('parseMsRtcOAuthChallenge', () => {
  it('finds the challenge among two headers', () => {
    expect(parseMsRtcOAuthChallenge([bearer, msrtc])).toEqual({
      href: 'https://lyncext.contoso.com/WebTicket/oauthtoken',
      grantTypes: ['urn:microsoft.rtc:windows', 'urn:microsoft.rtc:anonmeeting', 'password'],
    });
  });
  it('finds it in one merged, comma-joined header', () => {
    expect(parseMsRtcOAuthChallenge(`${bearer}, ${msrtc}`)?.href).toBe('https://lyncext.contoso.com/WebTicket/oauthtoken');
  });
  it('accepts the challenge before the Bearer one when merged', () => {
    const parsed = parseMsRtcOAuthChallenge(`${msrtc}, ${bearer}`);
    expect(parsed?.grantTypes).toContain('password');
    expect(parsed?.grantTypes).not.toContain('client_id');
  });
  it('accepts unquoted values as in some doc samples', () => {
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href=https://pool.contoso.com/WebTicket/oauthtoken,grant_type=password')).toEqual({
      href: 'https://pool.contoso.com/WebTicket/oauthtoken',
      grantTypes: ['password'],
    });
  });
  it('returns undefined without an MsRtcOAuth challenge or href', () => {
    expect(parseMsRtcOAuthChallenge(bearer)).toBeUndefined();
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth grant_type="password"')).toBeUndefined();
    expect(parseMsRtcOAuthChallenge(undefined)).toBeUndefined();
  });
});

describe('parseMsRtcOAuthChallenge: what servers and HTTP stacks send besides', () => {
  it('reads its own parameters, not those of another scheme before it', () => {
    expect(parseMsRtcOAuthChallenge('Bearer href="https://evil.example.net/t", MsRtcOAuth href="https://pool.contoso.com/t",grant_type="password"')?.href).toBe('https://pool.contoso.com/t');
  });

  it('is not found in another scheme\'s parameters', () => {
    expect(parseMsRtcOAuthChallenge('Negotiate href="https://pool.contoso.com/t"')).toBeUndefined();
    expect(parseMsRtcOAuthChallenge('MsRtcOAuthX href="https://pool.contoso.com/t"')).toBeUndefined();
  });

  it('ends unquoted parameters where the next scheme starts, with or without its own parameters', () => {
    const expected = { href: 'https://pool.contoso.com/t', grantTypes: ['password'] };
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href=https://pool.contoso.com/t,grant_type=password, Negotiate, NTLM')).toEqual(expected);
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href=https://pool.contoso.com/t,grant_type=password, NTLM')).toEqual(expected);
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href=https://pool.contoso.com/t,grant_type=password,Negotiate grant_type=x')).toEqual(expected);
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href=https://pool.contoso.com/t,grant_type=password, Basic realm="x"')).toEqual(expected);
    expect(parseMsRtcOAuthChallenge(['MsRtcOAuth href=https://pool.contoso.com/t,grant_type=password', 'Bearer realm="x"'])).toEqual(expected);
  });

  it('takes no href as no challenge, no grant_type as no list, and ignores blanks and empty entries in the list', () => {
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href="",grant_type="password"')).toBeUndefined();
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href="https://pool.contoso.com/t"')).toEqual({ href: 'https://pool.contoso.com/t', grantTypes: [] });
    expect(parseMsRtcOAuthChallenge('MsRtcOAuth href="https://pool.contoso.com/t",grant_type=" password ,, urn:microsoft.rtc:windows,"')?.grantTypes).toEqual(['password', 'urn:microsoft.rtc:windows']);
  });

  it('reads the scheme and parameter names in any case', () => {
    expect(parseMsRtcOAuthChallenge('msrtcoauth HREF="https://pool.contoso.com/t",Grant_Type="password"')).toEqual({ href: 'https://pool.contoso.com/t', grantTypes: ['password'] });
    expect(parseMsRtcOAuthChallenge('MSRTCOAUTH Href=https://pool.contoso.com/t,GRANT_TYPE=password')).toEqual({ href: 'https://pool.contoso.com/t', grantTypes: ['password'] });
  });
});
