// Issue #14, Settings → Company certificates in the browser: "Add…" (main's file dialog, played by
// the dev host) adds a real CA file and lists it; a file that is not a certificate is refused with
// a clear message and not listed; Remove takes a file out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../../src/dev/web-host';
import { companyCa } from '../integration/diagnostics/support/certificates';
import { expect, requireChromium, test as base } from './fixtures';

requireChromium();

const picks: (string | undefined)[] = [];
const test = base.extend({
  host: async ({ simulatorOptions }, use) => {
    const host = await startWebHost({ rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer'), simulator: { botDelayMs: 50, ...simulatorOptions }, pickCaFile: async () => picks.shift() });
    await use(host);
    await host.close();
  },
});

test('add a CA file, refuse one that is not a certificate, remove it again', async ({ context, host, pageErrors }) => {
  void pageErrors;
  const page = await context.newPage();
  await page.goto(host.pageUrl('settings'));
  const section = page.getByRole('group', { name: 'Company certificates' });
  await expect(section).toContainText('No extra certificate files.');

  const notes = join(mkdtempSync(join(tmpdir(), 'ucwa-notes-')), 'notes.txt');
  writeFileSync(notes, 'not a certificate');
  picks.push(notes);
  await section.getByRole('button', { name: 'Add…' }).click();
  await expect(section.getByRole('status')).toHaveText(/That file cannot be used: it must be a readable certificate file in PEM format/);
  await expect(section).toContainText('No extra certificate files.');

  const good = join(mkdtempSync(join(tmpdir(), 'ucwa-ca-')), 'company-ca.pem');
  writeFileSync(good, companyCa('Contoso Browser Test CA').cert);
  picks.push(good);
  await section.getByRole('button', { name: 'Add…' }).click();
  await expect(section.getByRole('list', { name: 'Certificate files' }).getByRole('listitem')).toHaveText([`${good}Remove`]);
  await expect(section.getByRole('status')).toHaveText('Added. The next sign-in trusts it.');

  await section.getByRole('button', { name: `Remove ${good}` }).click();
  await expect(section).toContainText('No extra certificate files.');
});
