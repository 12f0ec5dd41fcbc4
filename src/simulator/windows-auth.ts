// The Windows grant at the token service (protocol §2.1: "the HTTP stack must do NTLM/Negotiate
// against the token endpoint"): POST grant_type=urn:microsoft.rtc:windows, answered 401 NTLM until
// the connection completes the NEGOTIATE / CHALLENGE / AUTHENTICATE exchange with a valid NTLMv2
// response for a directory user (DOMAIN\user or user@domain, password as for the password grant).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Directory, SimUser } from './directory';
import { challengeMessage, ntlmMessageType, parseAuthenticate, verifyNtlmV2 } from './ntlm';
import type { TokenStore } from './auth';
import { sendJson } from './wire';

export class WindowsSignIn {
  /** NTLM authenticates a connection: each socket's pending server challenge. */
  private readonly challenges = new WeakMap<Socket, Buffer>();
  /** Completed NTLM sign-ins (tests check the exchange really ran). */
  verified = 0;

  constructor(
    private readonly directory: Directory,
    private readonly tokens: TokenStore,
    /** The directory's DNS domain (contoso.com); its NetBIOS name is the first label (CONTOSO). */
    private readonly dnsDomain: string,
  ) {}

  private get netbiosDomain(): string {
    return (this.dnsDomain.split('.')[0] ?? this.dnsDomain).toUpperCase();
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers.authorization ?? '';
    const match = /^(NTLM|Negotiate)\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
    if (match?.[2] === undefined) return this.challenge(res);
    const token = Buffer.from(match[2], 'base64');
    const type = ntlmMessageType(token);
    if (type === 1) {
      const { message, serverChallenge } = challengeMessage(this.netbiosDomain);
      this.challenges.set(req.socket, serverChallenge);
      res.writeHead(401, { 'WWW-Authenticate': `NTLM ${message.toString('base64')}`, 'Content-Type': 'text/html', Connection: 'keep-alive' });
      res.end('<html>401.1 - NTLM challenge</html>');
      return;
    }
    const serverChallenge = this.challenges.get(req.socket);
    this.challenges.delete(req.socket);
    const auth = type === 3 ? parseAuthenticate(token) : undefined;
    const user = auth === undefined ? undefined : this.userOf(auth.user, auth.domain);
    if (auth === undefined || serverChallenge === undefined || user === undefined || !verifyNtlmV2(auth, user.password, serverChallenge)) {
      // Logon failure: a fresh challenge, as IIS answers (401.1), with the reason for logs.
      return this.challenge(res, '28020;reason="Windows authentication failed"');
    }
    this.verified++;
    const issued = this.tokens.issue(user);
    sendJson(res, 200, { access_token: issued.token, expires_in: issued.expiresIn, ms_rtc_identityscope: 'local', token_type: 'Bearer' });
  }

  private userOf(name: string, domain: string): SimUser | undefined {
    if (name.includes('@')) return this.directory.findUser(name);
    if (domain !== '' && domain.toUpperCase() !== this.netbiosDomain.toUpperCase()) return undefined;
    return this.directory.findUser(`${name}@${this.dnsDomain}`);
  }

  private challenge(res: ServerResponse, diagnostics?: string): void {
    res.writeHead(401, { 'WWW-Authenticate': ['Negotiate', 'NTLM'], 'Content-Type': 'text/html', ...(diagnostics === undefined ? {} : { 'X-Ms-diagnostics': diagnostics }) });
    res.end('<html>401 - Windows authentication required</html>');
  }
}
