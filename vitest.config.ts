import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Two files at a time: vitest's default on a two-core machine is one, which leaves a core idle
    // while a file waits on its database.
    maxWorkers: 2,
    // Files share a worker's module graph instead of loading the sources again for each file (a
    // fifth of the suite's CPU time went to that): each file has its own database and test data,
    // and no test mocks modules, timers or the environment.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
