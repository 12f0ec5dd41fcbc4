// `ucwa-tray doctor`: the connection doctor from the command line. One line per step (status,
// title, what was seen), the fix under each step that needs one, and the verdict last.
import { t } from '../cli-language';
import { parseArgs } from 'node:util';
import { wordDoctor, type DoctorReport, type DoctorStatus, type DoctorStep } from '../../shared/doctor-report';
import { runConnectionDoctor } from '../../main/doctor/connection-doctor';
import type { DoctorNetwork } from '../../main/doctor/doctor-network';
import type { LogSink } from '../../main/ucwa/index';
import { cliVersion } from '../client-factory';
import * as tls from 'node:tls';
import { buildTlsTrust, displayProxy, environmentProxy, environmentProxyUrl } from '../../main/ucwa/index';
import { systemNetwork } from '../../main/doctor/doctor-network';
import { resolveConnection } from '../connection-options';
import { help } from '../help';
import { COMMAND_OPTIONS } from '../command-options';

export interface DoctorIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface DoctorDeps {
  /** Where names go (tests map a host to the simulator); default: the system's DNS and TCP. */
  readonly network?: DoctorNetwork;
  readonly timeoutMs?: number;
  readonly now?: () => Date;
}

const MARK: Readonly<Record<DoctorStatus, string>> = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL', skipped: '--  ' };

/** Runs the doctor for the arguments after `doctor`; 0 when nothing failed, 1 otherwise, 2 for usage. */
export async function doctorCommand(args: readonly string[], env: NodeJS.ProcessEnv, io: DoctorIo, deps: DoctorDeps = {}): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: COMMAND_OPTIONS.doctor,
    strict: true,
  });
  if (values.help) {
    io.out(`${help('doctor')}\n${help('connection')}`);
    return 0;
  }
  // The password is optional here: without it the doctor stops before signing in.
  const connection = resolveConnection(values, env, { passwordOptional: true });
  const password = connection.password === '' ? undefined : connection.password;
  const logSink: LogSink = (level, scope, message, fields) => {
    if (values.verbose) io.err(`[${level}] ${scope}: ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}`);
  };
  if (!values.json) io.err(connection.server === undefined ? t('cli.checking', { user: connection.user }) : t('cli.checkingAt', { user: connection.user, server: connection.server }));
  const report = await runConnectionDoctor(
    { server: connection.server, user: connection.user, password, trustedDomains: connection.trustedDomains },
    {
      logSink,
      userAgent: `UcwaTray-Doctor/${cliVersion()} (${process.platform})`,
      // Certificates are checked against what sign-in trusts: the OS store where readable, and --ca.
      // and the doctor's own requests take sign-in's proxy (--proxy, or HTTPS_PROXY/NO_PROXY).
      network: {
        ...(deps.network ?? { ...systemNetwork, ca: buildTlsTrust({ systemStore: true, caFiles: connection.caFiles ?? [] }, tls, env).ca }),
        proxyFor: async (origin) => {
          const url = connection.proxy ?? environmentProxyUrl(origin, env);
          return url === undefined ? undefined : { url };
        },
      },
      ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
      ...(deps.now === undefined ? {} : { now: deps.now }),
      proxyFor: async (origin) => (connection.proxy === undefined ? environmentProxy(origin, env) : displayProxy(connection.proxy)),
    },
  );
  io.out(values.json ? JSON.stringify(wordedReport(report), null, 2) : formatReport(report));
  return report.verdict === 'fail' ? 1 : 0;
}

export function formatReport(report: DoctorReport): string {
  const titles = report.steps.map((s) => wordDoctor(t, s.title));
  const width = Math.max(...titles.map((title) => title.length));
  const lines = report.steps.flatMap((step, i) => [
    `${MARK[step.status]}  ${(titles[i] ?? '').padEnd(width)}  ${wordDoctor(t, step.seen)}`,
    ...(step.fix === undefined || step.status === 'ok' ? [] : [`${' '.repeat(6 + width + 2)}${t('cli.fix', { fix: wordDoctor(t, step.fix) })}`]),
  ]);
  const facts = [
    ...(report.grantTypes === undefined ? [] : [t('corporateNetwork.doctor.grantTypes', { grants: report.grantTypes.join(', ') || '-' })]),
    ...(report.proxy === undefined ? [] : [t('corporateNetwork.doctor.proxy', { proxy: report.proxy })]),
  ];
  return `${lines.join('\n')}${facts.length === 0 ? '' : `\n\n${facts.join('\n')}`}\n\n${t('cli.verdict', { verdict: report.verdict, summary: wordDoctor(t, report.summary) })}`;
}

/** The report for --json: the same shape, its sentences worded in the terminal's language. */
export interface WordedDoctorStep extends Omit<DoctorStep, 'title' | 'seen' | 'fix'> {
  readonly title: string;
  readonly seen: string;
  readonly fix?: string;
}
export interface WordedDoctorReport extends Omit<DoctorReport, 'steps' | 'summary'> {
  readonly steps: readonly WordedDoctorStep[];
  readonly summary: string;
}

function wordedReport(report: DoctorReport): WordedDoctorReport {
  return {
    ...report,
    steps: report.steps.map(({ fix, ...s }) => ({ ...s, title: wordDoctor(t, s.title), seen: wordDoctor(t, s.seen), ...(fix === undefined ? {} : { fix: wordDoctor(t, fix) }) })),
    summary: wordDoctor(t, report.summary),
  };
}
