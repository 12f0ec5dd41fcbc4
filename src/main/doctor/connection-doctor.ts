// The connection doctor: the sign-in path taken one step at a time — where to look, DNS, TCP,
// the certificate, autodiscover, the 401 challenge, the password, the application — each with what
// was seen and what to do. Electron-free: the sign-in page (through main) and `ucwa-tray doctor`
// both run it. The password leaves only as sign-in would send it: to a trusted token service over
// a verified connection.
import { said, wordDoctor, type DoctorReport, type DoctorStep, type DoctorStepKind, type DoctorWords } from '../../shared/doctor-report';
import { translatorFor } from '../../shared/i18n/translator';
import { AuthenticatedHttp } from '../ucwa/authenticated-http';
import { Discovery, discoveryCandidates, userDomain } from '../ucwa/discovery';
import { HttpTransport } from '../ucwa/http-transport';
import type { LogSink } from '../ucwa/logger';
import { SecretRedactor, createLogger, silentSink } from '../ucwa/logger';
import { CredentialTrust } from '../ucwa/trust-policy';
import type { DoctorNetwork } from './doctor-network';
import { systemNetwork, verifiedDispatcher } from './doctor-network';
import { checkDns, checkTcp, checkTls } from './host-checks';
import { openRoute } from './proxy-tunnel';
import type { HostCheckOptions } from './host-checks';
import { STEP_TITLES, checkApplication, checkAutodiscover, checkChallenge, checkToken, failedStep } from './ucwa-checks';

export interface DoctorInput {
  /** As sign-in takes it: an autodiscover URL or a host URL; absent: discovered from the address. */
  readonly server?: string | undefined;
  readonly user: string;
  /** Without one, the doctor stops before signing in. */
  readonly password?: string | undefined;
  /** Domains the user approved for the password, besides the address's and the server's. */
  readonly trustedDomains?: readonly string[] | undefined;
}

export interface DoctorOptions {
  readonly network?: DoctorNetwork;
  /** Per step (a connection, a handshake, a request). */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
  readonly logSink?: LogSink;
  readonly userAgent?: string;
  /** The proxy sign-in would use for an origin, as shown in the report; the probes take `network.proxyFor`. */
  readonly proxyFor?: (origin: string) => Promise<string | undefined>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const LATER_STEPS: readonly (keyof typeof STEP_TITLES)[] = ['autodiscover', 'challenge', 'token', 'application'];

export async function runConnectionDoctor(input: DoctorInput, options: DoctorOptions = {}): Promise<DoctorReport> {
  const user = input.user.trim().replace(/^sip:/i, '');
  const server = input.server?.trim() === '' ? undefined : input.server?.trim();
  const redactor = new SecretRedactor();
  const logger = createLogger('doctor', options.logSink ?? silentSink, redactor);
  const network = options.network ?? systemNetwork;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const hostOptions: HostCheckOptions = { network, timeoutMs, now: options.now ?? (() => new Date()) };
  const steps: DoctorStep[] = [];
  const found: { grantTypes?: readonly string[]; proxy?: string } = {};
  const finish = (): DoctorReport => {
    const report = { ...summarise(user, server, steps), ...found };
    for (const step of report.steps) logger[step.status === 'fail' ? 'warn' : 'info']('doctor step', { kind: step.kind, status: step.status, problem: step.problem, seen: wordDoctor(translatorFor('en').t, step.seen) });
    return report;
  };

  let candidates: URL[];
  try {
    candidates = discoveryCandidates({ user, ...(server === undefined ? {} : { server }) });
  } catch (error) {
    steps.push({ ...failedStep('candidates', said('doctor.title.candidates'), error), problem: 'bad-address', fix: [said('doctor.candidates.fix')] });
    return finish();
  }
  steps.push({
    kind: 'candidates',
    title: said('doctor.title.candidates'),
    status: 'ok',
    seen: [server === undefined ? said('doctor.candidates.domain', { domain: userDomain(user), hosts: candidates.map((c) => c.host).join(', ') }) : said('doctor.candidates.server', { server: candidates[0]?.href ?? server })],
  });

  // Sign-in's route: through its proxy where it takes one.
  const dispatcher = verifiedDispatcher(network, timeoutMs, (url) => openRoute(network, url, timeoutMs));
  const transport = new HttpTransport(dispatcher, logger);
  const trust = new CredentialTrust({ user, server, trustedDomains: input.trustedDomains });
  const http = new AuthenticatedHttp(transport, { user, password: input.password ?? '' }, redactor, logger, trust);
  const discovery = new Discovery(transport, http, logger, trust);
  try {
    const probed = new Set<string>();
    const checkHost = async (url: URL, into: DoctorStep[]): Promise<boolean> => {
      probed.add(url.host);
      for (const check of [checkDns, checkTcp, checkTls]) {
        const step = await check(hostOptions, url);
        into.push(step);
        if (step.status === 'fail') return false;
      }
      return true;
    };

    let userUrl: URL | undefined;
    const attempts: DoctorStep[][] = [];
    for (const candidate of candidates) {
      const mine: DoctorStep[] = [];
      attempts.push(mine);
      if (!(await checkHost(candidate, mine))) continue;
      const found = await checkAutodiscover(discovery, candidate);
      mine.push(found.step);
      userUrl = found.userUrl;
      if (userUrl !== undefined) break;
    }
    for (const [index, attempt] of attempts.entries()) {
      // lyncdiscoverinternal answers only inside the company network: when the next address
      // works, its failure is only worth a note.
      const later = userUrl !== undefined && index < attempts.length - 1;
      steps.push(...(later ? attempt.map((s) => (s.status === 'fail' ? { kind: s.kind, title: s.title, status: 'warn' as const, seen: [...s.seen, said('doctor.notNeeded', { host: candidates[attempts.length - 1]?.host ?? '?' })] } : s)) : attempt));
    }
    if (userUrl === undefined) return skipRest(steps, 'autodiscover', finish);
    if (!probed.has(userUrl.host) && !(await checkHost(userUrl, steps))) return skipRest(steps, 'challenge', finish);

    const challenge = await checkChallenge(transport, trust, userUrl);
    steps.push(challenge.step);
    if (challenge.challenge !== undefined) found.grantTypes = challenge.challenge.grantTypes;
    if (options.proxyFor !== undefined) found.proxy = (await options.proxyFor(userUrl.origin).catch(() => undefined)) ?? 'direct';
    if (challenge.step.status === 'fail') return skipRest(steps, 'token', finish);
    if (input.password === undefined || input.password === '') {
      steps.push({ kind: 'token', title: STEP_TITLES.token, status: 'skipped', seen: [said('doctor.token.noPassword')], fix: [said('doctor.token.noPasswordFix')], problem: 'no-password' });
      return skipRest(steps, 'application', finish);
    }
    const token = await checkToken(discovery, http, user, userUrl);
    steps.push(token.step);
    if (token.applicationsUrl === undefined) return skipRest(steps, 'application', finish);
    steps.push(await checkApplication(http, token.applicationsUrl, options.userAgent ?? 'UcwaTray-Doctor/0.1'));
    return finish();
  } finally {
    http.forgetTokens();
    await dispatcher.close().catch(() => undefined);
  }
}

function skipRest(steps: DoctorStep[], from: DoctorStepKind, finish: () => DoctorReport): DoctorReport {
  for (const kind of LATER_STEPS.slice(LATER_STEPS.indexOf(from as keyof typeof STEP_TITLES))) {
    if (!steps.some((s) => s.kind === kind)) steps.push({ kind, title: STEP_TITLES[kind], status: 'skipped', seen: [said('doctor.skipped')] });
  }
  return finish();
}

function summarise(user: string, server: string | undefined, steps: readonly DoctorStep[]): DoctorReport {
  const failed = steps.find((s) => s.status === 'fail');
  const warned = steps.find((s) => s.status === 'warn' && s.fix !== undefined);
  const verdict = failed !== undefined ? 'fail' : steps.some((s) => s.status === 'warn') ? 'warn' : 'ok';
  const unchecked = steps.some((s) => s.problem === 'no-password');
  const summary: DoctorWords =
    failed !== undefined
      ? (failed.fix ?? failed.seen)
      : unchecked
        ? [said('doctor.summary.passwordUnchecked')]
        : warned !== undefined
          ? [said('doctor.summary.shouldWorkBut'), ...(warned.fix ?? warned.seen)]
          : [said('doctor.summary.ok')];
  return { user, ...(server === undefined ? {} : { server }), steps, verdict, summary };
}
