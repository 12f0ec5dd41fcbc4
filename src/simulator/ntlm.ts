// The server half of NTLM (MS-NLMP), enough to verify an NTLMv2 response for real: a CHALLENGE
// message with a random server challenge and target info, then the AUTHENTICATE message's
// NTProofStr recomputed from the user's password. NTLM authenticates a connection, so the
// challenge is kept per socket. MD4 (for the NT hash) comes from js-md4: OpenSSL 3, and so
// Node's crypto, no longer offers it by default. NTLMv1 answers are refused, as hardened domains do.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import md4 from 'js-md4';

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');
const NEGOTIATE_UNICODE = 0x00000001;
const REQUEST_TARGET = 0x00000004;
const NEGOTIATE_NTLM = 0x00000200;
const TARGET_TYPE_DOMAIN = 0x00010000;
const EXTENDED_SESSION_SECURITY = 0x00080000;
const NEGOTIATE_TARGET_INFO = 0x00800000;

export interface NtlmAuthenticate {
  readonly domain: string;
  readonly user: string;
  readonly workstation: string;
  readonly ntResponse: Buffer;
}

/** The message type (1 NEGOTIATE, 2 CHALLENGE, 3 AUTHENTICATE) of a base64 token, or undefined. */
export function ntlmMessageType(token: Buffer): number | undefined {
  if (token.length < 12 || !token.subarray(0, 8).equals(SIGNATURE)) return undefined;
  return token.readUInt32LE(8);
}

function avPair(id: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(value.length, 2);
  return Buffer.concat([head, value]);
}

/** A CHALLENGE message for `domain` (NetBIOS name), with its random 8-byte server challenge. */
export function challengeMessage(domain: string, serverChallenge: Buffer = randomBytes(8)): { message: Buffer; serverChallenge: Buffer } {
  const target = Buffer.from(domain.toUpperCase(), 'utf16le');
  const targetInfo = Buffer.concat([avPair(2, target), avPair(1, Buffer.from('SIMULATOR', 'utf16le')), avPair(0, Buffer.alloc(0))]);
  const header = Buffer.alloc(48);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(target.length, 12);
  header.writeUInt16LE(target.length, 14);
  header.writeUInt32LE(48, 16);
  header.writeUInt32LE(NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM | TARGET_TYPE_DOMAIN | EXTENDED_SESSION_SECURITY | NEGOTIATE_TARGET_INFO, 20);
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(48 + target.length, 44);
  return { message: Buffer.concat([header, target, targetInfo]), serverChallenge };
}

function field(message: Buffer, at: number): Buffer {
  const length = message.readUInt16LE(at);
  const offset = message.readUInt32LE(at + 4);
  if (offset + length > message.length) throw new RangeError('NTLM field outside the message');
  return message.subarray(offset, offset + length);
}

/** Reads an AUTHENTICATE message; undefined when it is not one or is malformed. */
export function parseAuthenticate(message: Buffer): NtlmAuthenticate | undefined {
  if (ntlmMessageType(message) !== 3 || message.length < 64) return undefined;
  try {
    const flags = message.readUInt32LE(60);
    const text = (b: Buffer): string => b.toString(flags & NEGOTIATE_UNICODE ? 'utf16le' : 'latin1');
    return { ntResponse: Buffer.from(field(message, 20)), domain: text(field(message, 28)), user: text(field(message, 36)), workstation: text(field(message, 44)) };
  } catch {
    return undefined;
  }
}

const hmacMd5 = (key: Buffer, data: Buffer): Buffer => createHmac('md5', key).update(data).digest();

/** NTOWFv2 (MS-NLMP 3.3.2): HMAC-MD5 of the NT hash over UPPERCASE(user) + domain, UTF-16LE. */
export function ntowfV2(password: string, user: string, domain: string): Buffer {
  const ntHash = Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
  return hmacMd5(ntHash, Buffer.from(user.toUpperCase() + domain, 'utf16le'));
}

/** True when `ntResponse` is an NTLMv2 response of this password to this server challenge. */
export function verifyNtlmV2(auth: NtlmAuthenticate, password: string, serverChallenge: Buffer): boolean {
  // An NTLMv1 response is 24 bytes; v2 is a 16-byte proof followed by the client's blob.
  if (auth.ntResponse.length <= 24) return false;
  const proof = auth.ntResponse.subarray(0, 16);
  const blob = auth.ntResponse.subarray(16);
  const expected = hmacMd5(ntowfV2(password, auth.user, auth.domain), Buffer.concat([serverChallenge, blob]));
  return timingSafeEqual(proof, expected);
}
