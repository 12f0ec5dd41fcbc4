// The command line in the terminal's language: German under a German LANG, English otherwise.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', join(import.meta.dirname, '../../../src/cli/main.ts')];

function run(args: string[], env: Record<string, string>): { status: number | null; stderr: string } {
  // The suite pins UCWA_TRAY_LANGUAGE to English: cleared here, so LANG decides.
  const result = spawnSync(process.execPath, [...CLI, ...args], { env: { ...process.env, UCWA_TRAY_LANGUAGE: '', LC_ALL: '', LC_MESSAGES: '', ...env }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('the CLI language', () => {
  it('speaks German under a German LANG, with the usage error and its exit code unchanged', () => {
    expect(run(['send', 'Hallo'], { LANG: 'de_DE.UTF-8' })).toEqual({ status: 2, stderr: 'ucwa-tray send: --to ADRESSE fehlt\n' });
  });

  it('speaks English under LANG=C and for a language it has no catalog for', () => {
    expect(run(['send', 'Hello'], { LANG: 'C.UTF-8' }).stderr).toBe('ucwa-tray send: missing --to ADDRESS\n');
    expect(run(['send', 'Bonjour'], { LANG: 'fr_FR.UTF-8' }).stderr).toBe('ucwa-tray send: missing --to ADDRESS\n');
  });
});
