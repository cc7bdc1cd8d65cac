import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/**
 * `npm run bench:editor` (after a production build): the frame editor benchmark alone; its
 * summary line (`editor stroke_p95_ms=… save_ms=…`) is the last line of the run.
 */
export default defineConfig({
  test: {
    include: ['tests/bench/editor.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
