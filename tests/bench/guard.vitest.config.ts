import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/**
 * `npm run bench:guard`: the update guard benchmark alone (Node, no build needed); its summary
 * line (`guard deep_100k_ms=… wide_100k_ms=… state_5000_ms=… …`) is the last line of the run.
 */
export default defineConfig({
  test: {
    include: ['tests/bench/guard.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 600_000,
  },
});
