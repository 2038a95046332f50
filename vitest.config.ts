import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: a single worker on a 2-core CI machine. Many
    // files here mostly wait on child processes (CLI runs, kill loops), so two workers overlap them.
    maxWorkers: 2,
  },
});
