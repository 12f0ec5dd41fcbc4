// The text "Copy diagnostics" produces: what IT needs, and nothing that identifies more than the
// domain or gives anything away.
import { describe, expect, it } from 'vitest';
import { diagnosticsText } from '../../../src/main/diagnostics/diagnostics-report';
import type { DiagnosticsFacts } from '../../../src/main/diagnostics/diagnostics-report';
import { errorDetail } from '../../../src/shared/error-detail';

const BASE: DiagnosticsFacts = {
  generatedAt: new Date('2026-11-02T12:00:00Z'),
  appVersion: '0.1.0',
  versions: { electron: '45.1.0', chrome: '142.0.1', node: '22.20.0' },
  os: { platform: 'linux', release: '6.12.0', arch: 'x64' },
  connection: { state: 'reconnecting', detail: errorDetail('cannotReach', { host: 'lyncweb.contoso.com', cause: 'ECONNRESET' }) },
  account: { server: 'https://lyncweb.contoso.com/autodiscover/autodiscoverservice.svc/root?x=1', user: 'ana@contoso.com' },
  logFile: '/home/ana/.config/ucwa-tray/logs/ucwa-tray.log',
  logLines: ['2026-11-02T11:59:00.000Z DEBUG ucwa: GET /ucwa/oauth/v1/applications/1/events -> 200 in 3 ms', 'leaked Bearer cwt=AAEBabc and password=hunter2'],
};

describe('the diagnostics text', () => {
  it('versions, system, connection, the server origin, then the log', () => {
    expect(diagnosticsText(BASE)).toBe(
      [
        'UCWA Tray diagnostics, 2026-11-02T12:00:00.000Z',
        'App: 0.1.0',
        'Runtime: Electron 45.1.0, Chromium 142.0.1, Node 22.20.0',
        'System: linux 6.12.0 (x64)',
        'Connection: reconnecting (Cannot reach lyncweb.contoso.com (ECONNRESET).)',
        'Server: https://lyncweb.contoso.com (given)',
        'Log file: /home/ana/.config/ucwa-tray/logs/ucwa-tray.log',
        '',
        'Last 2 log lines:',
        '2026-11-02T11:59:00.000Z DEBUG ucwa: GET /ucwa/oauth/v1/applications/1/events -> 200 in 3 ms',
        'leaked Bearer [redacted] and password=[redacted]',
        '',
      ].join('\n'),
    );
  });

  it('a discovered server is named by the domain only; the address itself is never in it', () => {
    const text = diagnosticsText({ ...BASE, account: { server: '', user: 'ana@contoso.com' } });
    expect(text).toContain("Server: found from the address's domain (contoso.com)");
    expect(text).not.toContain('ana@');
  });
});
