// The UCWA steps, on the client's own pieces (discovery, the challenge parser, the trust policy,
// the token exchange, application creation): autodiscover, the 401 challenge, the password, the
// application. Each returns its step and what the next step needs.
import { randomUUID } from 'node:crypto';
import type { DoctorProblem, DoctorStep, DoctorStepKind } from '../../shared/doctor-report';
import { createApplication } from '../ucwa/application-resource';
import type { AuthenticatedHttp } from '../ucwa/authenticated-http';
import type { Discovery } from '../ucwa/discovery';
import { UcwaError } from '../ucwa/errors';
import { headerValue } from '../ucwa/http-transport';
import type { HttpTransport } from '../ucwa/http-transport';
import type { CredentialTrust } from '../ucwa/trust-policy';
import { parseMsRtcOAuthChallenge } from '../ucwa/www-authenticate';
import type { MsRtcOAuthChallenge } from '../ucwa/www-authenticate';
import { errorCode } from './host-checks';

export const STEP_TITLES: Readonly<Record<Exclude<DoctorStepKind, 'candidates' | 'dns' | 'tcp' | 'tls'>, string>> = {
  autodiscover: 'Skype for Business autodiscover',
  challenge: 'Sign-in challenge',
  token: 'Password and token',
  application: 'Application',
};

const NOT_UCWA_FIX = 'This server answers but is not a Skype for Business/Lync web service (no UCWA autodiscover). Check the server address: ask IT for the Skype for Business web services address (often https://lyncweb.<your domain>), or leave the server empty to find it from your address.';

/** A client error as a failed step: the plain words depend on the code, the host is in the message. */
export function failedStep(kind: DoctorStepKind, title: string, error: unknown): DoctorStep {
  const fail = (seen: string, fix: string, problem: DoctorProblem): DoctorStep => ({ kind, title, status: 'fail', seen, fix, problem });
  if (!(error instanceof UcwaError)) return fail(`Failed: ${error instanceof Error ? error.message : String(error)}`, 'Show this report to IT.', 'server-error');
  switch (error.code) {
    case 'not-ucwa':
    case 'malformed-response':
      return fail(error.message, NOT_UCWA_FIX, 'not-ucwa');
    case 'untrusted-server':
      return fail(
        error.message,
        `The app sends your password only to servers in your address's domain. If ${error.host ?? 'that server'} really is your company's server, say yes when signing in asks about it (the command line: --trust-domain ${error.host ?? 'DOMAIN'}).`,
        kind === 'autodiscover' ? 'redirect-refused' : 'untrusted-server',
      );
    case 'wrong-credentials':
      return fail(
        'The token service refused the sign-in address and password.',
        'The password (or the sign-in address) is wrong. Check both, and that Caps Lock is off; the address is often your e-mail address. If they are right, your password may have expired or your account may be locked: ask IT.',
        'wrong-password',
      );
    case 'auth-failed':
      return fail(error.message, 'The server refused the sign-in for a reason other than the password. Show this report to IT.', 'auth-failed');
    case 'tls':
      return fail(error.message, `The certificate of a server on the way is not trusted (${errorCode(error.cause) ?? 'TLS'}), so nothing was sent to it. Show this report to IT.`, 'certificate-invalid');
    case 'insecure-transport':
      return fail(error.message, 'The app sends your password only over https. Ask IT for the https address of the server.', 'insecure-transport');
    case 'unreachable':
    case 'timeout':
      return fail(error.message, 'A server on the way does not answer. Check the network connection (or the VPN), then try again.', 'unreachable');
    default:
      if (error.status === 403) return fail(error.message, 'The server refused: your account may not be enabled for Skype for Business (Lync) or its web services. Ask IT.', 'server-error');
      return fail(error.message, 'The server answered with an error. Try again later; if it stays, show this report to IT.', 'server-error');
  }
}

export async function checkAutodiscover(discovery: Discovery, candidate: URL): Promise<{ step: DoctorStep; userUrl?: URL }> {
  const title = `${STEP_TITLES.autodiscover} at ${candidate.host}`;
  try {
    const userUrl = await discovery.findUserLink(candidate);
    return { step: { kind: 'autodiscover', title, status: 'ok', seen: `${candidate.host} is a Skype for Business web service; the user resource is at ${userUrl.host}.` }, userUrl };
  } catch (error) {
    return { step: failedStep('autodiscover', title, error) };
  }
}

export async function checkChallenge(transport: HttpTransport, trust: CredentialTrust, userUrl: URL): Promise<{ step: DoctorStep; challenge?: MsRtcOAuthChallenge }> {
  const title = STEP_TITLES.challenge;
  let res;
  try {
    res = await transport.send({ method: 'GET', url: userUrl, headers: { Accept: 'application/json' } });
  } catch (error) {
    return { step: failedStep('challenge', title, error) };
  }
  if (res.status !== 401) {
    if (res.status === 200) return { step: { kind: 'challenge', title, status: 'warn', seen: `${userUrl.host} answered the user resource without asking for credentials.`, fix: 'Unusual for Skype for Business: the rest may still work. If sign-in fails, show this report to IT.', problem: 'no-challenge' } };
    return { step: failedStep('challenge', title, new UcwaError('http', `${userUrl.host} answered the user resource with ${res.status} instead of asking for credentials (401).`, { status: res.status })) };
  }
  const challenge = parseMsRtcOAuthChallenge(res.headers['www-authenticate']);
  if (challenge === undefined) {
    const offered = (headerValue(res.headers['www-authenticate']) ?? '').match(/(?:^|,\s*)(Negotiate|NTLM|Basic|Bearer|Digest)\b/gi)?.map((s) => s.replace(/^,\s*/, '')) ?? [];
    return {
      step: {
        kind: 'challenge',
        title,
        status: 'fail',
        seen: `401 without a UCWA (MsRtcOAuth) challenge${offered.length === 0 ? '' : `; it asks for ${offered.join(', ')}`}.`,
        fix: 'Something between this computer and the server (a proxy or firewall) asks for other credentials, or this is not a Skype for Business server. Show this report to IT.',
        problem: 'no-challenge',
      },
    };
  }
  const issuer = new URL(challenge.href, userUrl);
  const grants = challenge.grantTypes.length === 0 ? 'none listed' : challenge.grantTypes.join(', ');
  const seen = `401 with a MsRtcOAuth challenge: token service ${issuer.origin}${issuer.pathname}, grant types: ${grants}.`;
  if (challenge.grantTypes.length > 0 && !challenge.grantTypes.includes('password')) {
    return { step: { kind: 'challenge', title, status: 'fail', seen, fix: 'The server does not allow signing in with a password (only Windows sign-in or others). Ask IT to allow password sign-in for the web services.', problem: 'no-password-grant' } };
  }
  const refusal = trust.refusal(issuer);
  if (refusal !== undefined) {
    return { step: failedStep('challenge', title, new UcwaError('untrusted-server', `${seen} The password would go to ${issuer.hostname}: ${refusal}`, { host: issuer.hostname })) };
  }
  return { step: { kind: 'challenge', title, status: 'ok', seen }, challenge };
}

/** The token, and with it the user resource's `applications` link. */
export async function checkToken(discovery: Discovery, http: AuthenticatedHttp, user: string, userUrl: URL): Promise<{ step: DoctorStep; applicationsUrl?: URL }> {
  const title = STEP_TITLES.token;
  const before = http.authentications;
  try {
    const applicationsUrl = await discovery.findApplications(userUrl);
    return { step: { kind: 'token', title, status: 'ok', seen: `The server accepted the password for ${user} and issued a token; the applications are at ${applicationsUrl.host}.` }, applicationsUrl };
  } catch (error) {
    // A token was issued, and the failure came after it: the password is fine.
    const step = failedStep('token', title, error);
    return { step: http.authentications > before && !(error instanceof UcwaError && error.code === 'wrong-credentials') ? { ...step, seen: `The password was accepted, then: ${step.seen}` } : step };
  }
}

export async function checkApplication(http: AuthenticatedHttp, applicationsUrl: URL, userAgent: string): Promise<DoctorStep> {
  const title = STEP_TITLES.application;
  try {
    // A fresh endpoint id: the app's own would hand back (and the DELETE below end) the running session.
    const app = await createApplication(http, applicationsUrl, { UserAgent: userAgent, EndpointId: randomUUID(), Culture: 'en-US' });
    const self = app.link('self')?.url;
    const removed = self === undefined ? false : await http.send({ method: 'DELETE', url: self, headers: { Accept: 'application/json' }, timeoutMs: 5_000 }).then(() => true, () => false);
    return { kind: 'application', title, status: 'ok', seen: `Created an application with its event channel and messaging${removed ? ', and removed it again' : ' (it could not be removed; the server drops it after a while)'}.` };
  } catch (error) {
    return failedStep('application', title, error);
  }
}
