// The test set Stryker runs per mutant (stryker.config.mjs): the `default` project of
// vitest.config.ts but the suites that cannot see a mutant or take minutes per run — the CLI runs
// in child processes (their coverage is not attributed; so do `sim` and `doctor` started as
// processes, and the composition root's demo server, forked from a bundle of the CLI), the
// 30-second fault scenarios, and the lint-rule tests. The `strict` project runs the same tests
// against the simulator's strict profile: it would double the time of every mutant the
// simulator tests cover, for tests that already ran on it.
//
// UCWA_MUTATION_UNIT=1 (`npm run mutation -- <part> --unit`) keeps the unit tests alone: a first
// look at a part in minutes, since a survivor there runs no simulator test.
import { configDefaults, defineConfig } from 'vitest/config';
import base, { DEFAULT_PROJECT } from './vitest.config';
import MutationSequencer from './test/support/mutation-sequencer';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // The initial run must pass whole; one retry keeps a test that is slow under load from stopping it.
    retry: 1,
    sequence: { sequencer: MutationSequencer },
    projects: [
      {
        ...DEFAULT_PROJECT,
        test: {
          ...DEFAULT_PROJECT.test,
          ...(process.env.UCWA_MUTATION_UNIT === '1' ? { include: ['test/unit/**/*.test.ts'] } : {}),
          exclude: [...configDefaults.exclude, 'test/integration/cli/**', 'test/integration/main/composition-root.test.ts', 'test/integration/simulator/sim-command.test.ts', 'test/integration/diagnostics/doctor-cli.test.ts', 'test/integration/faults/faults.test.ts', 'test/unit/boundaries/**', 'test/unit/packaging/**'],
        },
      },
    ],
  },
});
