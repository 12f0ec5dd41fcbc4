// Which certificate authorities the client trusts. On a company network the servers' certificates
// come from the company's own CA, which the OS trusts (pushed by group policy) and Node's bundled
// Mozilla list does not. Node 22.15+ (Electron 45's) reads the OS store with
// tls.getCACertificates('system'); older Nodes cannot, and then only CA files help. Setting `ca`
// replaces Node's defaults entirely, so whenever we set it we add the defaults back ourselves.
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { UcwaError } from './errors';
import { errorDetail } from '../../shared/error-detail';

/** The part of node:tls this needs; tests pass one whose system store holds their CA. */
export interface CertificateSource {
  readonly rootCertificates: readonly string[];
  readonly getCACertificates?: (type?: 'default' | 'system' | 'bundled' | 'extra') => string[];
}

export interface TrustSources {
  /** Trust what the OS trusts, where this Node can read it. */
  readonly systemStore: boolean;
  /** PEM files of extra CAs (settings, --ca). */
  readonly caFiles?: readonly string[];
}

export interface TlsTrust {
  /** The CAs to verify against; undefined leaves Node's defaults (bundled + NODE_EXTRA_CA_CERTS). */
  readonly ca: readonly string[] | undefined;
  /** Whether the OS store is in `ca` ('unavailable': this Node cannot read it). */
  readonly systemStore: 'used' | 'unavailable' | 'off';
  readonly caFiles: readonly string[];
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Reads one CA file; a file that cannot be read or holds no certificate is a clear error. */
export function readCaFile(file: string, read: (path: string) => string = (path) => readFileSync(path, 'utf8')): string[] {
  let text: string;
  try {
    text = read(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : String(error);
    throw new UcwaError('bad-ca-file', errorDetail('caFileUnreadable', { file, reason }), { cause: error });
  }
  const certificates = text.match(PEM) ?? [];
  if (certificates.length === 0) throw new UcwaError('bad-ca-file', errorDetail('caFileNoCertificate', { file }));
  return certificates;
}

export function systemStoreAvailable(source: CertificateSource = tls): boolean {
  return typeof source.getCACertificates === 'function';
}

export function buildTlsTrust(sources: TrustSources, source: CertificateSource = tls, env: NodeJS.ProcessEnv = process.env): TlsTrust {
  const files = sources.caFiles ?? [];
  const extra = files.flatMap((file) => readCaFile(file));
  const readsSystem = sources.systemStore && source.getCACertificates !== undefined;
  const systemStore = !sources.systemStore ? 'off' : readsSystem ? 'used' : 'unavailable';
  if (!readsSystem && extra.length === 0) return { ca: undefined, systemStore, caFiles: files };
  // 'default' is bundled + NODE_EXTRA_CA_CERTS (+ system with --use-system-ca); older Nodes have
  // only the bundled list, so the NODE_EXTRA_CA_CERTS file is read here as Node would have.
  const defaults = source.getCACertificates?.('default') ?? [...source.rootCertificates, ...nodeExtraCerts(env)];
  const system = readsSystem ? (source.getCACertificates?.('system') ?? []) : [];
  return { ca: [...new Set([...defaults, ...system, ...extra])], systemStore, caFiles: files };
}

function nodeExtraCerts(env: NodeJS.ProcessEnv): string[] {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (file === undefined || file === '') return [];
  try {
    return readCaFile(file);
  } catch {
    // Node itself only warns about a bad NODE_EXTRA_CA_CERTS; so do we (by not adding it).
    return [];
  }
}
