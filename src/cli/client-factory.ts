import { UcwaClient, environmentProxyUrl } from '../main/ucwa/index';
import type { LogSink } from '../main/ucwa/index';
import { cliNetworkRoute } from './cli-network';
import { ntlmTokenFetcher, windowsAccount } from './ntlm-token-fetcher';
import type { ConnectionOptions } from './connection-options';
import { loadEndpointId } from './endpoint-id';

declare const __UCWA_TRAY_VERSION__: string | undefined;

export function cliVersion(): string {
  return typeof __UCWA_TRAY_VERSION__ === 'string' ? __UCWA_TRAY_VERSION__ : 'dev';
}

export function createCliClient(connection: ConnectionOptions, env: NodeJS.ProcessEnv, verbose: boolean): UcwaClient {
  const logSink: LogSink = (level, scope, message, fields) => {
    if (!verbose && level === 'debug') return;
    if (!verbose && level === 'info') return;
    process.stderr.write(`[${level}] ${scope}: ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}\n`);
  };
  const network = cliNetworkRoute(connection, env);
  const windows = connection.signInMethod === 'windows';
  return new UcwaClient({
    ...(connection.server === undefined ? {} : { server: connection.server }),
    user: connection.user,
    password: connection.password,
    trustedDomains: connection.trustedDomains,
    dispatcher: network.source,
    ...(windows ? { signInMethod: 'windows' as const, tokenFetcher: ntlmTokenFetcher(windowsAccount(connection.user, connection.password, connection.windowsUser), network.trust, (origin) => {
            const url = connection.proxy ?? environmentProxyUrl(origin, env);
            return url === undefined ? undefined : { url };
          }),
        } : {}),
    endpointId: loadEndpointId(env),
    userAgent: `UcwaTray-CLI/${cliVersion()} (${process.platform})`,
    logSink,
  });
}
