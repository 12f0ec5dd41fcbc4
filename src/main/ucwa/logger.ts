// A small logger port with redaction: every secret the client learns (password, tokens) is
// registered, and scrubbed from every line before it reaches the sink.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogSink {
  (level: LogLevel, scope: string, message: string, fields?: Record<string, unknown>): void;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export class SecretRedactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short strings would mangle ordinary words; nothing we issue or accept is that short.
    if (secret !== undefined && secret.length >= 3) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text.replace(/(Bearer\s+)\S+/gi, '$1[redacted]').replace(/(cwt=)[A-Za-z0-9+/=_-]+/g, '$1[redacted]');
    for (const secret of this.secrets) {
      out = out.split(secret).join('[redacted]');
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join('[redacted]');
    }
    return out.replace(/(password=)[^&\s"]*/gi, '$1[redacted]');
  }
}

export const silentSink: LogSink = () => undefined;

export function createLogger(scope: string, sink: LogSink, redactor: SecretRedactor): Logger {
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    const scrubbedFields = fields === undefined ? undefined : (scrubValue(fields, redactor) as Record<string, unknown>);
    sink(level, scope, redactor.scrub(message), scrubbedFields);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function scrubValue(value: unknown, redactor: SecretRedactor): unknown {
  if (typeof value === 'string') return redactor.scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, redactor));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /password|token|authorization/i.test(k) ? '[redacted]' : scrubValue(v, redactor)]));
  }
  return value;
}
