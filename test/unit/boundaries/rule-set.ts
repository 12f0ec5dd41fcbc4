// Runs the project's own rule sets (.dependency-cruiser.js and eslint.config.js) on fixture files in a
// temporary folder laid out like the repository, so a test can say "this import breaks that rule".
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import type { ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { ESLint } from 'eslint';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Violation {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
}

export type Fixture = Readonly<Record<string, string>>;

/** Cruises `folders` of `baseDir` with the project's dependency rules. */
export async function cruiseWithProjectRules(baseDir: string, folders: readonly string[]): Promise<Violation[]> {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.js'));
  // The fixture has no tsconfig with paths; the real run's tsconfig adds nothing to resolution.
  const { tsConfig: _tsConfig, ...rest } = options;
  const result = await cruise([...folders], { ...rest, baseDir, validate: true, preserveSymlinks: true, outputType: 'json' }, {}, {});
  const output = result.output;
  const parsed = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  return parsed.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** Writes `files` into a fresh folder with the repository's node_modules linked in, cruises `src`, removes it. */
export async function cruiseFixture(files: Fixture): Promise<Violation[]> {
  const baseDir = await mkdtemp(join(tmpdir(), 'ucwa-boundaries-'));
  try {
    await symlink(join(ROOT, 'node_modules'), join(baseDir, 'node_modules'), 'dir');
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(baseDir, path)), { recursive: true });
      await writeFile(join(baseDir, path), text);
    }
    return await cruiseWithProjectRules(baseDir, ['src']);
  } finally {
    await rm(baseDir, { recursive: true, force: true });
  }
}

let eslint: ESLint | undefined;

/** The ESLint rule ids that `eslint.config.js` reports for `text` placed at `path` in the repository. */
export async function eslintRuleIds(path: string, text: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}
