// The app's one log sink: every level into the log file, some levels echoed to stderr as well,
// and whatever the file could not take printed to stderr instead (never lost silently, never
// thrown). The UCWA client's request lines arrive here at `debug`.
import type { LogLevel, LogSink } from '../ucwa/logger';
import { formatLogLine } from './log-line';
import type { RotatingLogFile } from './rotating-log-file';

export interface AppLogSinkOptions {
  readonly file: RotatingLogFile;
  /** Levels also written to stderr; default info, warn and error. */
  readonly echo?: readonly LogLevel[];
  readonly stderr?: (line: string) => void;
  readonly now?: () => Date;
}

export function appLogSink(options: AppLogSinkOptions): LogSink {
  const echo = new Set<LogLevel>(options.echo ?? ['info', 'warn', 'error']);
  const stderr = options.stderr ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  return (level, scope, message, fields) => {
    const line = formatLogLine(now(), level, scope, message, fields);
    const echoed = echo.has(level);
    if (echoed) stderr(line);
    if (!options.file.write(line) && !echoed) stderr(line);
  };
}
