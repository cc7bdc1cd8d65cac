import { defineConfig } from 'vitest/config';

/** `npm run fixture:project`: drives a production build in Chromium to save the project fixture. */
export default defineConfig({
  test: {
    include: ['tests/tools/projectFixture/makeProjectFixture.tool.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
