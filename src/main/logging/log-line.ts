// One log entry as one line of the file: time, level, scope, message, fields as JSON. Scrubbed
// again here, whatever the logger did before: Bearer tokens, `cwt=` values, `password=` pairs,
// Authorization headers, and fields named like secrets or message contents never reach the disk.
import type { LogLevel } from '../ucwa/logger';
import { SecretRedactor } from '../ucwa/logger';

/** Field names whose values are never written: secrets, and what people wrote to each other. */
const HIDDEN_FIELD = /password|passwd|token|authorization|cookie|secret|^(text|html|body|message|messageText)$/i;
const baseline = new SecretRedactor();

export function scrubLine(text: string, redactor: SecretRedactor = baseline): string {
  return redactor.scrub(text).replace(/(authorization["']?\s*[:=]\s*["']?)[^"',}\s]+(\s+[^"',}\s]+)?/gi, '$1[redacted]');
}

function scrubFields(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => scrubFields(v, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, HIDDEN_FIELD.test(key) ? '[redacted]' : scrubFields(v, depth + 1)]));
  }
  return value;
}

/** No line breaks inside an entry: a server's text cannot forge another log line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ⏎ ').replace(/\p{Cc}/gu, '');
}

export function formatLogLine(time: Date, level: LogLevel, scope: string, message: string, fields: Record<string, unknown> | undefined, redactor?: SecretRedactor): string {
  let json = '';
  if (fields !== undefined && Object.keys(fields).length > 0) {
    try {
      json = ` ${JSON.stringify(scrubFields(fields))}`;
    } catch {
      json = ' {"fields":"[not serialisable]"}';
    }
  }
  return oneLine(scrubLine(`${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${scope}: ${message}${json}`, redactor));
}
