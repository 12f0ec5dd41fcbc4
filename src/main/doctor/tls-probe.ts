// Reads a server's certificate for the report: a TLS handshake that does not reject an untrusted
// certificate (so there is something to describe), then Node's own verdict on it and the name
// check. Nothing is ever sent on this connection; it is closed as soon as the certificate is read.
import { checkServerIdentity } from 'node:tls';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';
import type { DoctorNetwork } from './doctor-network';
import { startTls } from './doctor-network';
import { openRoute } from './proxy-tunnel';

export interface CertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  /** Subject alternative names (DNS and IP entries), as the certificate lists them. */
  readonly names: readonly string[];
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly selfSigned: boolean;
  /** The top of the chain the server sent (its root, or the highest issuer it named). */
  readonly root: string;
  readonly fingerprint: string;
}

export interface TlsFacts {
  readonly host: string;
  readonly certificate: CertificateFacts;
  /** Node's verdict against its trusted authorities (or the doctor's `ca`). */
  readonly authorized: boolean;
  /** OpenSSL's code when not trusted: SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED, … */
  readonly authorizationError: string | undefined;
  /** Why the certificate does not cover the host, when it does not. */
  readonly nameError: string | undefined;
}

export async function probeTls(network: DoctorNetwork, url: URL, timeoutMs: number): Promise<TlsFacts> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const socket = await openRoute(network, url, timeoutMs);
  const secure = await startTls(network, socket, host, false, timeoutMs);
  try {
    const peer = secure.getPeerCertificate(true);
    if (peer === null || Object.keys(peer).length === 0) throw new Error('the server sent no certificate');
    const nameError = checkServerIdentity(host, peer);
    return {
      host,
      certificate: describeCertificate(peer),
      authorized: secure.authorized,
      authorizationError: secure.authorized ? undefined : String(secure.authorizationError),
      nameError: nameError === undefined ? undefined : ((nameError as Error & { reason?: string }).reason ?? nameError.message),
    };
  } finally {
    secure.destroy();
  }
}

function describeCertificate(peer: DetailedPeerCertificate): CertificateFacts {
  let top: DetailedPeerCertificate = peer;
  // The chain ends where a certificate is its own issuer (Node links the root to itself).
  for (let depth = 0; depth < 10 && top.issuerCertificate !== undefined && top.issuerCertificate !== top && top.issuerCertificate.fingerprint256 !== top.fingerprint256; depth++) {
    top = top.issuerCertificate;
  }
  const subject = nameOf(peer.subject);
  const issuer = nameOf(peer.issuer);
  return {
    subject,
    issuer,
    names: (peer.subjectaltname ?? '').split(',').map((n) => n.trim().replace(/^(DNS|IP Address):/i, '')).filter((n) => n !== ''),
    validFrom: new Date(peer.valid_from),
    validTo: new Date(peer.valid_to),
    selfSigned: subject === issuer && peer.issuerCertificate?.fingerprint256 === peer.fingerprint256,
    root: top === peer ? issuer : nameOf(top.issuer),
    fingerprint: peer.fingerprint256,
  };
}

function nameOf(entity: PeerCertificate['subject'] | undefined): string {
  if (entity === undefined) return 'an unnamed party';
  const pick = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);
  return pick(entity.CN) ?? pick(entity.O) ?? pick(entity.OU) ?? 'an unnamed party';
}
