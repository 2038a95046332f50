import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium (and Electron where present): one file at a time, in a
// forked process, with generous time limits.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
