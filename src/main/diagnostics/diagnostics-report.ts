// The text "Copy diagnostics" puts on the clipboard: what IT asks first (versions, system,
// connection state, which server) and the end of the log. No secrets: the sign-in address is
// reduced to its domain, the server to its origin, and every line is scrubbed once more.
import type { ConnectionInfo } from '../../shared/domain';
import { scrubLine } from '../logging/log-line';
import { englishDetail } from '../../shared/ipc-failure';

export interface DiagnosticsFacts {
  readonly generatedAt: Date;
  readonly appVersion: string;
  readonly versions: { readonly electron?: string | undefined; readonly chrome?: string | undefined; readonly node: string };
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string };
  readonly connection: ConnectionInfo;
  /** As settings keep it: the server typed ('' when discovered) and the sign-in address. */
  readonly account: { readonly server: string; readonly user: string };
  readonly logFile: string;
  /** The last lines of the log, oldest first. */
  readonly logLines: readonly string[];
}

/** How many log lines go with the report. */
export const DIAGNOSTICS_LOG_LINES = 200;

function serverLine(account: DiagnosticsFacts['account']): string {
  const domain = account.user.includes('@') ? account.user.slice(account.user.lastIndexOf('@') + 1) : '';
  if (account.server.trim() !== '') {
    try {
      return `${new URL(account.server).origin} (given)`;
    } catch {
      return '(an unreadable server address)';
    }
  }
  return domain === '' ? '(none yet)' : `found from the address's domain (${domain})`;
}

export function diagnosticsText(facts: DiagnosticsFacts): string {
  const { versions, os, connection } = facts;
  const runtime = [versions.electron === undefined ? undefined : `Electron ${versions.electron}`, versions.chrome === undefined ? undefined : `Chromium ${versions.chrome}`, `Node ${versions.node}`].filter((v) => v !== undefined);
  const lines = [
    `UCWA Tray diagnostics, ${facts.generatedAt.toISOString()}`,
    `App: ${facts.appVersion}`,
    `Runtime: ${runtime.join(', ')}`,
    `System: ${os.platform} ${os.release} (${os.arch})`,
    `Connection: ${connection.state}${connection.detail === undefined ? '' : ` (${englishDetail(connection.detail)})`}`,
    `Server: ${serverLine(facts.account)}`,
    `Log file: ${facts.logFile}`,
    '',
    `Last ${facts.logLines.length} log lines:`,
    ...facts.logLines,
  ];
  return `${lines.map((line) => scrubLine(line)).join('\n')}\n`;
}
