import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/**
 * `npm run bench:sync` (after a production build): the sync benchmark alone; its summary line
 * (`sync p95_ms_2peers=… p95_ms_5peers=… load_1000_ms=…`) is the last line of the run.
 */
export default defineConfig({
  test: {
    include: ['tests/bench/sync.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
