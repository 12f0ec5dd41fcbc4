// `npm run dev:web`: the renderer in your browser, on a real session service and the built-in
// simulator. Prints the URL to open (it carries the socket's token).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../simulator/index';
import { startWebHost } from './web-host';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } }, strict: true });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('dev:web: --port must be a number from 0 to 65535\n');
  process.exit(2);
}
const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');
if (!existsSync(join(rendererDir, 'popup.html'))) {
  process.stderr.write('dev:web: the renderer is not built; run npm run build first\n');
  process.exit(1);
}
const host = await startWebHost({
  rendererDir,
  port,
  // 'System' language: this machine's (LANG and friends, as Node's Intl reads them).
  languages: [Intl.DateTimeFormat().resolvedOptions().locale],
  // Warnings and errors only (a refused socket, a failing handler); secrets are redacted before this.
  logSink: (level, scope, message, fields) => {
    if (level === 'warn' || level === 'error') process.stderr.write(`[${level}] ${scope}: ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}\n`);
  },
});
process.stdout.write(
  `UCWA Tray web dev host (loopback only)\n\n  Open: ${host.pageUrl('popup')}\n\n` +
    `"Try the demo" signs in as ana@contoso.com on the built-in simulator at ${host.simulator.url}.\n` +
    `Other demo users (password "${DEMO_PASSWORD}") can write to you from another terminal, e.g.\n` +
    `  UCWA_SERVER=${host.simulator.url} UCWA_USER=ben@contoso.com UCWA_PASSWORD=${DEMO_PASSWORD} npx ucwa-tray send --to ana@contoso.com "Hi Ana"\n` +
    `Ctrl+C stops it.\n`,
);
const stop = (): void => void host.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
