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
    // expect.poll gives up after 1 s by default: on a loaded CI machine a page can take longer
    // than that to get where a test waits for it (a state recorded a second after opening, say).
    expect: { poll: { timeout: 15_000 } },
  },
});
