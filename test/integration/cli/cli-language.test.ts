// The command line in the terminal's language: German under a German LANG, English otherwise.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishCatalog } from '../../../src/shared/i18n/index';

const CLI = ['--import', 'tsx', join(import.meta.dirname, '../../../src/cli/main.ts')];

function run(args: string[], env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  // The suite pins UCWA_TRAY_LANGUAGE to English: cleared here, so LANG decides.
  const result = spawnSync(process.execPath, [...CLI, ...args], { env: { ...process.env, UCWA_TRAY_LANGUAGE: '', LC_ALL: '', LC_MESSAGES: '', ...env }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('the CLI language', () => {
  it('speaks German under a German LANG, with the usage error and its exit code unchanged', () => {
    expect(run(['send', 'Hallo'], { LANG: 'de_DE.UTF-8' })).toMatchObject({ status: 2, stderr: 'ucwa-tray send: --to ADRESSE fehlt\n' });
  });

  it('speaks English under LANG=C and for a language it has no catalog for', () => {
    expect(run(['send', 'Hello'], { LANG: 'C.UTF-8' }).stderr).toBe('ucwa-tray send: missing --to ADDRESS\n');
    expect(run(['send', 'Bonjour'], { LANG: 'fr_FR.UTF-8' }).stderr).toBe('ucwa-tray send: missing --to ADDRESS\n');
  });

  it('the doctor reports in German: step titles, what was seen, the fix and the verdict', () => {
    // Nothing listens on port 9 of this machine: the doctor gets as far as the TCP step.
    const report = run(['doctor', '--user', 'ana@contoso.com', '--server', 'http://127.0.0.1:9/'], { LANG: 'de_DE.UTF-8' });
    expect(report.status).toBe(1);
    expect(report.stdout).toContain('Wo gesucht wird');
    expect(report.stdout).toContain('Der von Ihnen angegebene Server: http://127.0.0.1:9/');
    expect(report.stdout).toContain('127.0.0.1 ist eine Adresse: Es gibt nichts nachzuschlagen.');
    expect(report.stdout).toMatch(/Verbindung zu 127\.0\.0\.1, Port 9 +Verbindung abgelehnt \(ECONNREFUSED\)\./);
    expect(report.stdout).toContain('Auf Port 9 von 127.0.0.1 antwortet nichts');
    expect(report.stdout).toContain('Nicht geprüft: Ein früherer Schritt ist fehlgeschlagen.');
    // No English sentence of the doctor is left (the ones without arguments, word for word).
    const english = Object.entries(englishCatalog).filter(([key, text]) => key.startsWith('doctor.') && !text.includes('{'));
    for (const [key, text] of english) expect(report.stdout, key).not.toContain(text);
    expect(report.stdout).not.toMatch(/Where to look|Connection refused|Not checked/);
  });
});
