import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The playground's browser tests need a built site and Chromium: vitest.browser.config.ts.
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
