import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/**
 * `npm run bench:import` (after a production build): the import benchmark alone; its summary
 * line (`import max_block_ms_script=… max_block_ms_bundle=…`) is the last line of the run.
 */
export default defineConfig({
  test: {
    include: ['tests/bench/import.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
