import type { Reporter, TestModule } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Prints what the benchmark logs and nothing else on success, so its summary line
 * (`sync p95_ms_2peers=… p95_ms_5peers=… load_1000_ms=…`) is the last line of the run.
 */
class SyncBenchReporter implements Reporter {
  onUserConsoleLog(log: { content: string; type: 'stdout' | 'stderr' }): void {
    (log.type === 'stderr' ? process.stderr : process.stdout).write(log.content);
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
  ): void {
    for (const module of testModules) {
      for (const testCase of module.children.allTests()) {
        const result = testCase.result();
        if (result.state !== 'failed') continue;
        process.stderr.write(`✗ ${testCase.fullName}\n`);
        for (const error of result.errors ?? []) {
          process.stderr.write(`${error.stack ?? error.message}\n`);
        }
      }
    }
    for (const error of unhandledErrors) process.stderr.write(`${String(error)}\n`);
  }
}

/** `npm run bench:sync` (after a production build): the sync benchmark alone. */
export default defineConfig({
  test: {
    include: ['tests/bench/sync.bench.test.ts'],
    environment: 'node',
    reporters: [new SyncBenchReporter()],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
