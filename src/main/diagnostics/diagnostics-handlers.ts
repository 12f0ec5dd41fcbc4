// The diagnostics methods of the contract: the connection doctor for the sign-in page, and
// "Open log folder" / "Copy diagnostics" for settings. The Electron parts (shell, clipboard) come
// in as functions, so this runs the same under the fake.
import type { InvokeHandlers } from '../../shared/ipc-contract';
import { IpcFailure } from '../../shared/ipc-failure';
import { runConnectionDoctor } from '../doctor/connection-doctor';
import type { DoctorOptions } from '../doctor/connection-doctor';
import type { RotatingLogFile } from '../logging/rotating-log-file';
import { DIAGNOSTICS_LOG_LINES, diagnosticsText } from './diagnostics-report';
import type { DiagnosticsFacts } from './diagnostics-report';
import { errorDetail } from '../../shared/error-detail';

export type DiagnosticsHandlers = Pick<InvokeHandlers, 'runDoctor' | 'openLogFolder' | 'copyDiagnostics'>;

export interface DiagnosticsDeps {
  readonly logFile: RotatingLogFile;
  /** shell.openPath: resolves '' when opened, else the reason it could not be. */
  readonly openPath: (path: string) => Promise<string>;
  readonly writeClipboard: (text: string) => void;
  /** Everything but the log: versions, system, connection, account. */
  readonly facts: () => Omit<DiagnosticsFacts, 'logFile' | 'logLines' | 'generatedAt'>;
  readonly trustedDomains: () => readonly string[];
  readonly doctor?: DoctorOptions;
  readonly now?: () => Date;
}

export function diagnosticsHandlers(deps: DiagnosticsDeps): DiagnosticsHandlers {
  const now = deps.now ?? (() => new Date());
  return {
    runDoctor: async (input) => runConnectionDoctor({ ...input, trustedDomains: deps.trustedDomains() }, deps.doctor),
    openLogFolder: async () => {
      const failure = await deps.openPath(deps.logFile.dir);
      if (failure !== '') throw new IpcFailure('unavailable', errorDetail('logFolderFailed', { reason: failure, dir: deps.logFile.dir }));
      return null;
    },
    copyDiagnostics: async () => {
      const logLines = deps.logFile.tail(DIAGNOSTICS_LOG_LINES);
      deps.writeClipboard(diagnosticsText({ ...deps.facts(), generatedAt: now(), logFile: deps.logFile.path, logLines }));
      return { logLines: logLines.length };
    },
  };
}
