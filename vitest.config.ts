import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'workers/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/unit-setup.ts'],
    // A generous ceiling, not a performance check: property tests that take 0.6 s alone took
    // 6 s on a shared two-core machine, and a timeout there says nothing about the code.
    testTimeout: 60_000,
  },
});
