// The Windows grant from the command line (and on systems without the logged-on Windows user):
// NTLMv2 with an explicit user and password against the token service, through httpntlm's message
// functions. NTLM authenticates a connection, so the three legs go over one undici Client (a single
// keep-alive connection) that verifies TLS like every other request. Behind a proxy, that one
// connection is a CONNECT tunnel the Client opens itself (tunnel-connector.ts).
import ntlm from 'httpntlm/ntlm.js';
import { Client } from 'undici';
import { UcwaError } from '../main/ucwa/index';
import type { TlsTrust, TokenFetcher, TokenResponse } from '../main/ucwa/index';
import { tunnelConnector } from './tunnel-connector';
import type { TunnelProxy } from './tunnel-connector';
import { errorDetail } from '../shared/error-detail';

export interface WindowsAccount {
  /** NetBIOS domain, e.g. CONTOSO. */
  readonly domain: string;
  readonly user: string;
  readonly password: string;
  readonly workstation?: string;
}

/** DOMAIN\user as given, or from the sign-in address: ana@contoso.com → CONTOSO\ana. */
export function windowsAccount(signIn: string, password: string, explicit?: string): WindowsAccount {
  const given = explicit?.trim();
  if (given !== undefined && given !== '') {
    const slash = given.indexOf('\\');
    if (slash > 0) return { domain: given.slice(0, slash).toUpperCase(), user: given.slice(slash + 1), password };
    return { domain: '', user: given, password };
  }
  const [user = '', domain = ''] = signIn.split('@');
  return { domain: (domain.split('.')[0] ?? '').toUpperCase(), user, password };
}

function ntlmChallenge(header: string | string[] | undefined): string | undefined {
  const values = Array.isArray(header) ? header : header === undefined ? [] : header.split(/,\s*(?=NTLM|Negotiate)/i);
  return values.map((v) => v.trim()).find((v) => /^NTLM\s+\S+/i.test(v));
}

/** The proxy sign-in takes to an origin (--proxy, or HTTPS_PROXY/NO_PROXY), or undefined for direct. */
export type ProxyLookup = (origin: string) => TunnelProxy | undefined;

export function ntlmTokenFetcher(account: WindowsAccount, trust: TlsTrust, proxyFor: ProxyLookup = () => undefined): TokenFetcher {
  return async (request) => {
    const proxy = proxyFor(request.issuer.origin);
    const connect = proxy === undefined ? { ...(trust.ca === undefined ? {} : { ca: [...trust.ca] }), rejectUnauthorized: true } : tunnelConnector(proxy, trust.ca);
    // A Client is one connection; one request at a time: every NTLM leg on the connection it authenticates.
    const client = new Client(request.issuer.origin, { connect, pipelining: 1 });
    const post = async (authorization: string): Promise<TokenResponse & { challenge: string | undefined }> => {
      const res = await client.request({
        method: 'POST',
        path: `${request.issuer.pathname}${request.issuer.search}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json', authorization },
        body: request.body,
      });
      const text = await res.body.text();
      const type = res.headers['content-type'];
      return { status: res.statusCode, contentType: Array.isArray(type) ? type.join(', ') : type, text, challenge: ntlmChallenge(res.headers['www-authenticate']) };
    };
    try {
      const options = { username: account.user, password: account.password, domain: account.domain, workstation: account.workstation ?? 'UCWATRAY' };
      const first = await post(ntlm.createType1Message(options));
      if (first.status !== 401 || first.challenge === undefined) {
        if (first.status === 200) return first;
        throw new UcwaError('auth-failed', `The token service did not start Windows sign-in (NTLM): it answered ${first.status}.`, { status: first.status });
      }
      let parseError: Error | undefined;
      const type2 = ntlm.parseType2Message(first.challenge, (error) => (parseError = error));
      if (type2 === null) throw new UcwaError('auth-failed', `The token service sent a malformed NTLM challenge${parseError === undefined ? '' : ` (${parseError.message})`}.`);
      const second = await post(ntlm.createType3Message(type2, options));
      // A refused NTLM answer is a 401: the Windows user name or password is wrong.
      if (second.status === 401) throw new UcwaError('wrong-credentials', errorDetail('wrongWindowsPassword', {}), { status: 401 });
      return second;
    } finally {
      await client.close().catch(() => undefined);
    }
  };
}
