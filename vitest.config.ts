import { defineConfig } from 'vitest/config';

/** The suites that talk to the simulator about messaging, presence and recovery: run on both profiles. */
const AGAINST_THE_SIMULATOR = ['test/integration/ucwa/**/*.test.ts', 'test/integration/session/**/*.test.ts', 'test/integration/faults/**/*.test.ts', 'test/integration/cli/**/*.test.ts'];

/** Every unit and integration test against the default simulator profile (the mutation runs use it alone). */
export const DEFAULT_PROJECT = { extends: true as const, test: { name: 'default', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'] } };

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // A poll returns as soon as its condition holds; the one-second default fails on a busy two-core
    // machine (CI, the mutation run) for work that takes a second there and milliseconds here.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // The CLI speaks the terminal's language; the tests assert its English words whatever LANG is.
    env: { UCWA_TRAY_LANGUAGE: 'en' },
    // electron-store imports `electron` itself: inlined, it sees a test's vi.mock('electron') fake
    // (the Electron runtime is not installed here), so tests can run the real store on real files.
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node 20
    // refuses; inlined, Vite loads it.
    server: { deps: { inline: ['electron-store', '@actions/workflow-parser'] } },
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      DEFAULT_PROJECT,
      {
        extends: true,
        test: {
          // The same suites against a server that uses every latitude the protocol gives (§5.3,
          // §5.4, §10.10, transient operations). A fixed seed keeps CI reproducible; set
          // UCWA_SIM_SEED to try others (a failure prints the seed that replays it).
          name: 'strict',
          include: AGAINST_THE_SIMULATOR,
          // Sets its own profile and 50 seeds: once is enough.
          exclude: ['test/integration/ucwa/strict-property.test.ts'],
          env: { UCWA_SIM_PROFILE: 'strict', UCWA_SIM_SEED: process.env.UCWA_SIM_SEED ?? '20261202' },
        },
      },
    ],
  },
});
