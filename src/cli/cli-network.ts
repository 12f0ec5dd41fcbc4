// The CLI's way onto the network: the OS trust store where this Node can read it (22.15+), extra
// CA files from --ca, and a proxy from --proxy or the environment (HTTPS_PROXY/HTTP_PROXY/NO_PROXY).
import * as tls from 'node:tls';
import { buildTlsTrust, createNetworkRoute } from '../main/ucwa/index';
import type { CertificateSource, NetworkRoute, TlsTrust } from '../main/ucwa/index';
import type { ConnectionOptions } from './connection-options';

export function cliNetworkRoute(connection: Pick<ConnectionOptions, 'caFiles' | 'proxy'>, env: NodeJS.ProcessEnv, source: CertificateSource = tls): NetworkRoute & { readonly trust: TlsTrust } {
  const trust = buildTlsTrust({ systemStore: true, caFiles: connection.caFiles ?? [] }, source, env);
  return { ...createNetworkRoute(trust, connection.proxy === undefined ? { kind: 'environment' } : { kind: 'fixed', url: connection.proxy }, env), trust };
}
