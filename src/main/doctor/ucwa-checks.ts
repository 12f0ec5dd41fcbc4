// The UCWA steps, on the client's own pieces (discovery, the challenge parser, the trust policy,
// the token exchange, application creation): autodiscover, the 401 challenge, the password, the
// application. Each returns its step and what the next step needs.
import { randomUUID } from 'node:crypto';
import { said, type DoctorProblem, type DoctorStep, type DoctorStepKind, type DoctorText } from '../../shared/doctor-report';
import { ERROR_DETAIL_KEYS } from '../../shared/error-detail';
import { createApplication } from '../ucwa/application-resource';
import type { AuthenticatedHttp } from '../ucwa/authenticated-http';
import type { Discovery } from '../ucwa/discovery';
import { UcwaError, detailFromCode } from '../ucwa/errors';
import { headerValue } from '../ucwa/http-transport';
import type { HttpTransport } from '../ucwa/http-transport';
import type { CredentialTrust } from '../ucwa/trust-policy';
import { parseMsRtcOAuthChallenge } from '../ucwa/www-authenticate';
import type { MsRtcOAuthChallenge } from '../ucwa/www-authenticate';
import { errorCode } from './host-checks';

export const STEP_TITLES: Readonly<Record<Exclude<DoctorStepKind, 'candidates' | 'dns' | 'tcp' | 'tls'>, DoctorText>> = {
  autodiscover: said('doctor.title.autodiscoverAny'),
  challenge: said('doctor.title.challenge'),
  token: said('doctor.title.token'),
  application: said('doctor.title.application'),
};

/** What a client error says, as a sentence: its detail where it has one, else the sentence for its code. */
export function errorSaid(error: UcwaError): DoctorText {
  const detail = error.detail ?? detailFromCode(error);
  // Without a detail, the client's own code (protocol data) says what failed.
  return detail === undefined ? said('doctor.failed', { reason: error.code }) : said(ERROR_DETAIL_KEYS[detail.reason], detail.args);
}

/** A client error as a failed step: the plain words depend on the code, the host is in the detail. */
export function failedStep(kind: DoctorStepKind, title: DoctorText, error: unknown): DoctorStep {
  const fail = (seen: DoctorText, fix: DoctorText, problem: DoctorProblem): DoctorStep => ({ kind, title, status: 'fail', seen: [seen], fix: [fix], problem });
  if (!(error instanceof UcwaError)) return fail(said('doctor.failed', { reason: error instanceof Error ? error.message : String(error) }), said('doctor.fix.showIt'), 'server-error');
  const seen = errorSaid(error);
  switch (error.code) {
    case 'not-ucwa':
    case 'malformed-response':
      return fail(seen, said('doctor.fix.notUcwa'), 'not-ucwa');
    case 'untrusted-server':
      return fail(seen, said('doctor.fix.untrusted', { host: error.host ?? '?' }), kind === 'autodiscover' ? 'redirect-refused' : 'untrusted-server');
    case 'wrong-credentials':
      return fail(said('doctor.wrongPassword'), said('doctor.fix.wrongPassword'), 'wrong-password');
    case 'auth-failed':
      return fail(seen, said('doctor.fix.authFailed'), 'auth-failed');
    case 'tls':
      return fail(seen, said('doctor.fix.certificate', { code: errorCode(error.cause) ?? 'TLS' }), 'certificate-invalid');
    case 'insecure-transport':
      return fail(seen, said('doctor.fix.insecure'), 'insecure-transport');
    case 'unreachable':
    case 'timeout':
      return fail(seen, said('doctor.fix.unreachable'), 'unreachable');
    default:
      if (error.status === 403) return fail(seen, said('doctor.fix.forbidden'), 'server-error');
      return fail(seen, said('doctor.fix.serverError'), 'server-error');
  }
}

export async function checkAutodiscover(discovery: Discovery, candidate: URL): Promise<{ step: DoctorStep; userUrl?: URL }> {
  const title = said('doctor.title.autodiscover', { host: candidate.host });
  try {
    const userUrl = await discovery.findUserLink(candidate);
    return { step: { kind: 'autodiscover', title, status: 'ok', seen: [said('doctor.autodiscover.ok', { host: candidate.host, userHost: userUrl.host })] }, userUrl };
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
    if (res.status === 200) return { step: { kind: 'challenge', title, status: 'warn', seen: [said('doctor.challenge.noCredentialsAsked', { host: userUrl.host })], fix: [said('doctor.challenge.noCredentialsAskedFix')], problem: 'no-challenge' } };
    const unexpected = failedStep('challenge', title, new UcwaError('http', `${userUrl.host} answered the user resource with ${res.status}`, { status: res.status }));
    return { step: { ...unexpected, seen: [said('doctor.challenge.unexpectedStatus', { host: userUrl.host, status: res.status })] } };
  }
  const challenge = parseMsRtcOAuthChallenge(res.headers['www-authenticate']);
  if (challenge === undefined) {
    const offered = (headerValue(res.headers['www-authenticate']) ?? '').match(/(?:^|,\s*)(Negotiate|NTLM|Basic|Bearer|Digest)\b/gi)?.map((s) => s.replace(/^,\s*/, '')) ?? [];
    return {
      step: {
        kind: 'challenge',
        title,
        status: 'fail',
        seen: [offered.length === 0 ? said('doctor.challenge.noUcwa') : said('doctor.challenge.noUcwaAsks', { schemes: offered.join(', ') })],
        fix: [said('doctor.challenge.noUcwaFix')],
        problem: 'no-challenge',
      },
    };
  }
  const issuer = new URL(challenge.href, userUrl);
  const tokenService = `${issuer.origin}${issuer.pathname}`;
  const seen = challenge.grantTypes.length === 0 ? said('doctor.challenge.noGrants', { issuer: tokenService }) : said('doctor.challenge.ok', { issuer: tokenService, grants: challenge.grantTypes.join(', ') });
  if (challenge.grantTypes.length > 0 && !challenge.grantTypes.includes('password')) {
    return { step: { kind: 'challenge', title, status: 'fail', seen: [seen], fix: [said('doctor.challenge.noPasswordFix')], problem: 'no-password-grant' } };
  }
  const refusal = trust.refusal(issuer);
  if (refusal !== undefined) {
    const refused = failedStep('challenge', title, new UcwaError('untrusted-server', refusal, { host: issuer.hostname }));
    return { step: { ...refused, seen: [seen, said('doctor.challenge.passwordWouldGo', { host: issuer.hostname }), ...refused.seen] } };
  }
  return { step: { kind: 'challenge', title, status: 'ok', seen: [seen] }, challenge };
}

/** The token, and with it the user resource's `applications` link. */
export async function checkToken(discovery: Discovery, http: AuthenticatedHttp, user: string, userUrl: URL): Promise<{ step: DoctorStep; applicationsUrl?: URL }> {
  const title = STEP_TITLES.token;
  const before = http.authentications;
  try {
    const applicationsUrl = await discovery.findApplications(userUrl);
    return { step: { kind: 'token', title, status: 'ok', seen: [said('doctor.token.ok', { user, host: applicationsUrl.host })] }, applicationsUrl };
  } catch (error) {
    // A token was issued, and the failure came after it: the password is fine.
    const step = failedStep('token', title, error);
    return { step: http.authentications > before && !(error instanceof UcwaError && error.code === 'wrong-credentials') ? { ...step, seen: [said('doctor.token.acceptedThen'), ...step.seen] } : step };
  }
}

export async function checkApplication(http: AuthenticatedHttp, applicationsUrl: URL, userAgent: string): Promise<DoctorStep> {
  const title = STEP_TITLES.application;
  try {
    // A fresh endpoint id: the app's own would hand back (and the DELETE below end) the running session.
    const app = await createApplication(http, applicationsUrl, { UserAgent: userAgent, EndpointId: randomUUID(), Culture: 'en-US' });
    const self = app.link('self')?.url;
    const removed = self === undefined ? false : await http.send({ method: 'DELETE', url: self, headers: { Accept: 'application/json' }, timeoutMs: 5_000 }).then(() => true, () => false);
    return { kind: 'application', title, status: 'ok', seen: [said(removed ? 'doctor.application.okRemoved' : 'doctor.application.okKept')] };
  } catch (error) {
    return failedStep('application', title, error);
  }
}
