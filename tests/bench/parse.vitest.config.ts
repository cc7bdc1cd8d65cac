import type { Reporter, TestModule } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Prints what the benchmark logs, as it is, and nothing else on success, so the benchmark's own
 * summary line is the last line of the run (scripts read it). Failures go to stderr.
 */
class ParseBenchReporter implements Reporter {
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

/** `npm run bench:parse`: only the parse benchmark, quiet apart from its own figures. */
export default defineConfig({
  test: {
    include: ['tests/bench/parse.bench.test.ts'],
    environment: 'node',
    reporters: [new ParseBenchReporter()],
    testTimeout: 300_000,
  },
});
