import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/** `npm run bench:parse`: only the parse benchmark, quiet apart from its own figures. */
export default defineConfig({
  test: {
    include: ['tests/bench/parse.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 300_000,
  },
});
