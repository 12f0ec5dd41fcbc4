// The test set Stryker runs per mutant (stryker.config.mjs): everything in vitest.config.ts but the
// suites that cannot see a mutant or take minutes per run — the CLI runs in child processes (their
// coverage is not attributed; so do `sim` and `doctor` started as processes, and the composition
// root's demo server, forked from a bundle of the CLI), the 30-second fault scenarios, and the
// lint-rule tests.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // The initial run must pass whole; one retry keeps a test that is slow under load from stopping it.
      retry: 1,
      exclude: [...configDefaults.exclude, 'test/integration/cli/**', 'test/integration/main/composition-root.test.ts', 'test/integration/simulator/sim-command.test.ts', 'test/integration/diagnostics/doctor-cli.test.ts', 'test/integration/faults/faults.test.ts', 'test/unit/boundaries/**', 'test/unit/packaging/**'],
    },
  }),
);
