// The app's way onto the network (issue #14): what the OS trusts (Electron's Node reads the system
// store) plus CA files from the settings, and the proxy Chromium finds for each origin (system
// settings, PAC) — asked through session.resolveProxy, remembered briefly per origin, with the
// proxy's credentials from the vault. The UCWA client gets only the resulting dispatcher.
import * as tls from 'node:tls';
import { buildTlsTrust, createNetworkRoute } from '../ucwa/index';
import type { CertificateSource, Logger, NetworkRoute, ProxyCredentials, TlsTrust } from '../ucwa/index';
import { parsePacResult } from './pac-result';

export interface ProxyResolver {
  /** Electron's session.resolveProxy: the PAC-format answer for a URL. */
  resolveProxy(url: string): Promise<string>;
}

export interface AppNetworkDeps {
  readonly session: ProxyResolver;
  readonly caFiles: readonly string[];
  readonly credentials: (proxy: string) => ProxyCredentials | undefined;
  readonly logger: Logger;
  readonly certificates?: CertificateSource;
  readonly now?: () => number;
}

/** Long enough to spare a PAC evaluation per request, short enough to follow a network change. */
export const PROXY_CACHE_MS = 60_000;

export interface AppNetwork extends NetworkRoute {
  readonly trust: TlsTrust;
}

/** The CA files setting (`network.caFiles` in the settings file): a list of PEM file paths. */
export function caFilesSetting(value: unknown, logger: Logger): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.length <= 50 && value.every((v): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 4096)) return value;
  logger.warn('network.caFiles in the settings is not a list of file paths; ignored');
  return [];
}

function trustFor(deps: AppNetworkDeps): TlsTrust {
  const certificates = deps.certificates ?? tls;
  try {
    return buildTlsTrust({ systemStore: true, caFiles: deps.caFiles }, certificates);
  } catch (error) {
    // A CA file that went missing must not stop the app: it starts with the OS store and says why.
    deps.logger.warn('a CA file from the settings cannot be used', { reason: error instanceof Error ? error.message : String(error) });
    return buildTlsTrust({ systemStore: true }, certificates);
  }
}

export function createAppNetwork(deps: AppNetworkDeps): AppNetwork {
  const trust = trustFor(deps);
  if (trust.systemStore === 'unavailable') deps.logger.warn('this Electron cannot read the OS certificate store; only CA files from the settings are added');
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { at: number; proxy: { url: string } | undefined }>();
  const route = createNetworkRoute(trust, {
    kind: 'per-origin',
    credentials: deps.credentials,
    resolve: async (origin) => {
      const known = cache.get(origin);
      if (known !== undefined && now() - known.at < PROXY_CACHE_MS) return known.proxy;
      const answer = await deps.session.resolveProxy(origin);
      const choice = parsePacResult(answer);
      if (choice.skipped.length > 0) deps.logger.warn('proxy entries undici cannot use were skipped', { skipped: choice.skipped.join('; ') });
      cache.set(origin, { at: now(), proxy: choice.proxy });
      return choice.proxy;
    },
  });
  return { ...route, trust };
}
