import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/**
 * `npm run bench:scale` (after a production build): the scale benchmark alone; its summary
 * line (`scale open_1000_ms=… … scroll_fps_5000=…`) is the last line of the run.
 */
export default defineConfig({
  test: {
    include: ['tests/bench/scale.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
