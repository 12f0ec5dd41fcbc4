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
