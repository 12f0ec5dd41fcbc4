// A CONNECT tunnel as an undici connector, for the NTLM exchange behind a proxy (issue #14): NTLM
// authenticates one connection, so all its legs must travel through one tunnel. undici's
// ProxyAgent cannot pin that, but a Client (one connection, no pipelining) whose `connect` opens
// the tunnel itself can: http.request CONNECT to the proxy (with its Basic credentials), then TLS
// over the tunnel to the server, verified against the same CA list as everything else.
import { request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { buildConnector } from 'undici';
import { UcwaError, credentialsInProxyUrl, proxyToken } from '../main/ucwa/index';
import { t } from './cli-language';

export interface TunnelProxy {
  /** http(s)://[user:password@]host:port */
  readonly url: string;
}

export function tunnelConnector(proxy: TunnelProxy, ca: readonly string[] | undefined): buildConnector.connector {
  const proxyUrl = new URL(proxy.url);
  const credentials = credentialsInProxyUrl(proxyUrl);
  const tlsTrust = { ...(ca === undefined ? {} : { ca: [...ca] }), rejectUnauthorized: true };
  return (options, callback) => {
    const https = options.protocol === 'https:';
    const port = options.port === '' ? (https ? 443 : 80) : Number(options.port);
    const hostname = options.hostname.replace(/^\[|\]$/g, '');
    const target = `${isIP(hostname) === 6 ? `[${hostname}]` : hostname}:${port}`;
    let settled = false;
    const finish = (error: Error | null, socket: Socket | null): void => {
      if (settled) return;
      settled = true;
      if (error === null && socket !== null) callback(null, socket);
      else callback(error ?? new Error('the tunnel failed'), null);
    };
    const connectOptions = {
      host: proxyUrl.hostname.replace(/^\[|\]$/g, ''),
      port: proxyUrl.port === '' ? (proxyUrl.protocol === 'https:' ? 443 : 80) : Number(proxyUrl.port),
      method: 'CONNECT',
      path: target,
      agent: false as const,
      headers: { host: target, ...(credentials === undefined ? {} : { 'proxy-authorization': proxyToken(credentials) }) },
    };
    const req: ClientRequest = proxyUrl.protocol === 'https:' ? httpsRequest({ ...connectOptions, ...tlsTrust }) : httpRequest(connectOptions);
    req.once('connect', (res: IncomingMessage, socket: Socket, head: Buffer) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        const status = res.statusCode ?? 0;
        finish(
          status === 407
            ? new UcwaError('proxy-auth-required', t('corporateNetwork.proxy.authRequired', { host: target }), { status, host: `${options.protocol}//${target}` })
            : new UcwaError('proxy-refused', t('corporateNetwork.proxy.refused', { host: target, status }), { status, host: `${options.protocol}//${target}` }),
          null,
        );
        return;
      }
      if (head.length > 0) socket.unshift(head);
      if (!https) {
        finish(null, socket);
        return;
      }
      const servername = options.servername ?? hostname;
      const secure = tlsConnect({ socket, host: servername, ...(isIP(servername) === 0 ? { servername } : {}), ...tlsTrust, ALPNProtocols: ['http/1.1'] });
      secure.once('secureConnect', () => {
        secure.removeAllListeners('error');
        finish(null, secure);
      });
      secure.once('error', (error) => finish(error, null));
    });
    req.once('error', (error) => finish(error, null));
    req.end();
  };
}
