import { defineConfig } from 'vitest/config';

// The playground's browser tests: real Chromium against the built site
// (npm run build:playground first). Kept apart from the main suite so that
// `vitest run` stays Node-only; one file at a time, one browser per file.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
