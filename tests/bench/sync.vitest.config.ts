import { defineConfig } from 'vitest/config';
import { QuietBenchReporter } from './quietReporter';

/**
 * `npm run bench:sync` (after a production build): the sync benchmark, whose summary line reads
 * `sync p95_ms_2peers=… p95_ms_5peers=… load_1000_ms=…`, and what signing costs in a room with
 * roles (`signing p95_ms_2peers_off=… p95_ms_2peers_on=… added_ms_2peers=… …`, Node, memory wires).
 */
export default defineConfig({
  test: {
    include: ['tests/bench/sync.bench.test.ts', 'tests/bench/signing.bench.test.ts'],
    environment: 'node',
    reporters: [new QuietBenchReporter()],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
