import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    // UI strings come from extension/_locales: the English table stands in for chrome.i18n.
    setupFiles: ['test/setup/i18n.ts'],
  },
});
