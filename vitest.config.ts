import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // electron-store imports `electron` itself: inlined, it sees a test's vi.mock('electron') fake
    // (the Electron runtime is not installed here), so tests can run the real store on real files.
    server: { deps: { inline: ['electron-store'] } },
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
