import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/** `npm run bench:search`: only the search benchmark, quiet apart from its own figures. */
export default defineConfig({
  test: {
    include: ['tests/bench/search.bench.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/unit-setup.ts'],
    reporters: [new QuietBenchReporter()],
    testTimeout: 600_000,
  },
});
