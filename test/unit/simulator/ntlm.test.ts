// The simulator's NTLMv2 check against the worked example of MS-NLMP §4.2.4 (user "User", domain
// "Domain", password "Password"), so it verifies what Windows computes, not what our client does.
import { describe, expect, it } from 'vitest';
import md4 from 'js-md4';
import { challengeMessage, ntlmMessageType, ntowfV2, parseAuthenticate, verifyNtlmV2 } from '../../../src/simulator/ntlm';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('simulator NTLM', () => {
  it('MD4 gives the RFC 1320 test vector', () => {
    expect(Buffer.from(md4.arrayBuffer('abc')).toString('hex')).toBe('a448017aaf21d8525fc10ae87aa6729d');
  });

  it('NTOWFv2 and the NTProofStr of MS-NLMP 4.2.4', () => {
    expect(ntowfV2('Password', 'User', 'Domain').toString('hex')).toBe('0c868a403bfd7a93a3001ef22ef02e3f');
    // 4.2.4.1.3 temp: the blob after the proof, with the example's target info and timestamp 0.
    const targetInfo = hex('02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000');
    const blob = Buffer.concat([hex('0101000000000000'), Buffer.alloc(8), hex('aaaaaaaaaaaaaaaa'), Buffer.alloc(4), targetInfo, Buffer.alloc(4)]);
    const ntResponse = Buffer.concat([hex('68cd0ab851e51c96aabc927bebef6a1c'), blob]);
    const auth = { user: 'User', domain: 'Domain', workstation: 'COMPUTER', ntResponse };
    expect(verifyNtlmV2(auth, 'Password', hex('0123456789abcdef'))).toBe(true);
    expect(verifyNtlmV2(auth, 'password', hex('0123456789abcdef'))).toBe(false);
    expect(verifyNtlmV2(auth, 'Password', hex('0123456789abcdee'))).toBe(false);
    // An NTLMv1 answer (24 bytes) is refused.
    expect(verifyNtlmV2({ ...auth, ntResponse: Buffer.alloc(24) }, 'Password', hex('0123456789abcdef'))).toBe(false);
  });

  it('a challenge message is a type 2; garbage is no AUTHENTICATE', () => {
    expect(ntlmMessageType(challengeMessage('CONTOSO').message)).toBe(2);
    expect(parseAuthenticate(Buffer.from('not ntlm'))).toBeUndefined();
    const truncated = Buffer.concat([Buffer.from('NTLMSSP\0', 'latin1'), hex('03000000'), Buffer.alloc(60, 0xff)]);
    expect(parseAuthenticate(truncated)).toBeUndefined();
  });
});
