// reportMyActivity on its timer, paused while the OS says the user is idle (protocol §3.3). Fake
// timers drive the interval, so "no report while idle" is checked over ticks that did happen.
import { CredentialTrust } from '../../../src/main/ucwa/trust-policy';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityReporter } from '../../../src/main/ucwa/activity-reporter';
import { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { HttpTransport } from '../../../src/main/ucwa/http-transport';
import type { HttpRequest, HttpResponse } from '../../../src/main/ucwa/http-transport';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import type { LogLevel } from '../../../src/main/ucwa/logger';

class RecordingTransport extends HttpTransport {
  readonly sent: string[] = [];
  /** What the server answers each report. */
  status = 204;

  override async send(req: HttpRequest): Promise<HttpResponse> {
    this.sent.push(`${req.method} ${req.url.pathname}`);
    return { url: req.url, status: this.status, headers: {}, text: '' };
  }
}

const INTERVAL_MS = 1_000;
const LINK = new URL('http://127.0.0.1:1/ucwa/me/reportMyActivity');

interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: Record<string, unknown> | undefined;
}

function reporter(link: () => URL | undefined = () => LINK, records: LogRecord[] = []): { activity: ActivityReporter; transport: RecordingTransport } {
  const redactor = new SecretRedactor();
  const logger = createLogger('test', (level, _scope, message, fields) => void records.push({ level, message, fields }), redactor);
  const transport = new RecordingTransport(undefined, logger);
  const http = new AuthenticatedHttp(transport, { user: 'ana@contoso.com', password: 'demo' }, redactor, logger, new CredentialTrust({ user: 'ana@contoso.com', server: 'http://127.0.0.1:1' }));
  return { activity: new ActivityReporter(http, link, INTERVAL_MS, logger), transport };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('reportMyActivity', () => {
  it('is posted once per interval, not while the user is idle, and again when they are back', async () => {
    const { activity, transport } = reporter();
    activity.start();
    await vi.advanceTimersByTimeAsync(3 * INTERVAL_MS);
    expect(transport.sent).toEqual(Array(3).fill('POST /ucwa/me/reportMyActivity'));
    activity.enabled = false;
    await vi.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    expect(transport.sent).toHaveLength(3);
    activity.enabled = true;
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(transport.sent).toHaveLength(4);
  });

  it('starts once, waits for its link, and stops', async () => {
    const offered: { link?: URL } = {};
    const { activity, transport } = reporter(() => offered.link);
    activity.start();
    activity.start();
    await vi.advanceTimersByTimeAsync(2 * INTERVAL_MS);
    expect(transport.sent).toEqual([]);
    offered.link = LINK;
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(transport.sent).toHaveLength(1);
    activity.stop();
    await vi.advanceTimersByTimeAsync(3 * INTERVAL_MS);
    expect(transport.sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs a report the server refuses, and goes on reporting', async () => {
    const records: LogRecord[] = [];
    const { activity, transport } = reporter(() => LINK, records);
    transport.status = 503;
    activity.start();
    await vi.advanceTimersByTimeAsync(2 * INTERVAL_MS);
    expect(transport.sent).toHaveLength(2);
    const failure = { level: 'warn', message: 'reportMyActivity failed', fields: { reason: '503 from /ucwa/me/reportMyActivity' } };
    expect(records.filter((r) => r.level !== 'debug')).toEqual([failure, failure]);
    activity.stop();
  });
});
