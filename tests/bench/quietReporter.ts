import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints what a benchmark logs, as it is, and nothing else on success, so the benchmark's own
 * summary line is the last line of the run (scripts read it). Failures go to stderr.
 */
export class QuietBenchReporter implements Reporter {
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
