import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium (and Electron where present), in forked processes with
// generous time limits. Two files at a time: each starts its own server, settings folder and browser,
// and with one at a time the e2e part alone took over 7 minutes of CI's 15 on two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
