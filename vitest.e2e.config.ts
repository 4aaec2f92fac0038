import { defineConfig } from 'vitest/config';

// Browser tests (Playwright with the system's Chromium) against the real server and the built web
// app; run by `npm run test:e2e` and, when /usr/bin/chromium exists, by `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
