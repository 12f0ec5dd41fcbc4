// .github/workflows/ci.yml, checked offline with GitHub's own workflow parser and schema
// (@actions/workflow-parser, the one behind GitHub's Actions language service): it must parse
// without errors, a broken copy must not, and it must do what README promises — `npm run check`
// on Linux, Windows and macOS, and on a version tag the three platforms' installers as artifacts.
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load(text: string): unknown };
const FILE = new URL('../../../.github/workflows/ci.yml', import.meta.url);
const text = readFileSync(FILE, 'utf8');

async function problems(content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: 'ci.yml', content }, new NoOperationTraceWriter());
  const found = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value === undefined) return found.length > 0 ? found : ['nothing parsed'];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...found, ...(template.errors ?? []).map((e) => e.Message)];
}

interface Step {
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly with?: Record<string, string>;
}
interface Job {
  readonly if?: string;
  readonly needs?: string | string[];
  readonly 'runs-on': string;
  readonly strategy?: { matrix: { os: string[] } };
  readonly steps: Step[];
}
const workflow = load(text) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };

describe('the CI workflow', () => {
  it('is valid for GitHub (its own parser and schema)', async () => {
    expect(await problems(text)).toEqual([]);
  });

  it('a broken copy is rejected (the parser is really checking)', async () => {
    expect(await problems(text.replace('runs-on: ${{ matrix.os }}', 'run-on: ${{ matrix.os }}'))).not.toEqual([]);
    expect(await problems(text.replace('steps:', 'stepz:'))).not.toEqual([]);
  });

  it('runs npm run check on Linux, Windows and macOS after one npm ci', () => {
    const check = workflow.jobs.check;
    expect(check?.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    const runs = (check?.steps ?? []).map((s) => s.run ?? '');
    expect(runs.filter((r) => /^npm ci$/.test(r))).toHaveLength(1);
    expect(runs.filter((r) => /(^|\s)npm run check$/.test(r))).toHaveLength(2);
    expect(check?.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
  });

  it('on a version tag, after the checks, builds the three platforms\' installers as artifacts', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const installers = workflow.jobs.installers;
    expect(installers?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(installers?.needs).toBe('check');
    expect(installers?.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect((installers?.steps ?? []).some((s) => s.run === 'npm run dist')).toBe(true);
    const upload = installers?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path?.split('\n').filter((p) => p !== '')).toEqual(['release/*.AppImage', 'release/*.deb', 'release/*.exe', 'release/*.dmg']);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });
});
