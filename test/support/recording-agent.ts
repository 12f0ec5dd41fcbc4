// An undici agent that passes every request on and keeps what was sent: method, path, headers
// (names lower-cased) and a string body. For tests that check what reached the wire, which the
// simulator's own request log does not show (headers, bodies, tokens).
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';

export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

export class RecordingAgent extends Agent {
  readonly sent: SentRequest[] = [];

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.sent.push({ method: options.method, path: options.path, headers: headersOf(options.headers), body: typeof options.body === 'string' ? options.body : undefined });
    return super.dispatch(options, handler);
  }
}

/** undici takes headers as an object or as a flat [name, value, …] list. */
function headersOf(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const pairs: [string, unknown][] = [];
  if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), headers[i + 1]]);
  else if (headers !== undefined && headers !== null) pairs.push(...Object.entries(headers as Record<string, unknown>));
  return Object.fromEntries(pairs.map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)]));
}
