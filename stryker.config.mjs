// Mutation testing (`npm run mutation`, not part of `check`): how many deliberate small breaks of
// the client, the session, the history, the IPC layer and the renderer's state the tests catch.
// The machine is small and shared: few test runners, tests chosen per mutant from coverage, and
// incremental, so a re-run only tests what changed. scripts/mutation.mjs runs it one folder at a
// time (`npm run mutation -- session`); `npx stryker run --mutate 'src/main/ipc/**/*.ts'` also works.
// Survivors that are equivalent to the original are listed in docs/mutation-survivors.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Static mutants (module-level constants) would need the whole suite per mutant.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  mutate: ['src/main/ucwa/**/*.ts', 'src/main/session/**/*.ts', 'src/main/history/**/*.ts', 'src/main/ipc/**/*.ts', 'src/renderer/state/**/*.ts'],
  ignorePatterns: ['out', 'release', 'dist', 'test-results', 'playwright-report', 'coverage', 'reports', 'docs/screenshots', '.tmp', '.stryker-tmp', '.stryker-unit'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Integration tests talk to the simulator over HTTP; a mutant that hangs one is a timeout (killed).
  timeoutMS: 20_000,
  // The first run (the whole suite with per-test coverage) takes minutes on a busy two-core machine.
  dryRunTimeoutMinutes: 40,
  timeoutFactor: 2,
};
