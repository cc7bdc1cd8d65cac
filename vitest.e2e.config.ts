import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: Chromium (Debian's, through playwright-core) against the production build,
 * served on 127.0.0.1 by tests/e2e/globalSetup.ts. Files run one at a time: two cores, and each
 * file starts its own browser.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
