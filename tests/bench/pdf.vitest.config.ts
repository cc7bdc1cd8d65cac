import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/**
 * `npm run bench:pdf` (after a production build): the PDF boards benchmark alone; its summary
 * line (`pdf boards_100_ms=… mb=…`) is the last line of the run.
 */
export default defineConfig({
  test: {
    include: ['tests/bench/pdf.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
