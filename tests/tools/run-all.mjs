#!/usr/bin/env node
// `npm test`: every gate in one run — typecheck, lint, import cycles, formatting, unit tests,
// end-to-end tests — stopping at the first that fails. Prints a plain `N passed, N failed` line
// with the real test totals at the end (CI reads that line).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const ARTIFACTS = 'tests/.artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.log(`✗ ${title} failed after ${seconds}s`);
    return false;
  }
  console.log(`✓ ${title} (${seconds}s)`);
  return true;
}

function countVitest(reportPath) {
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch {
    totals.failed += 1; // no report means the runner itself broke
  }
}

function vitest(title, config, reportName) {
  const report = `${ARTIFACTS}/${reportName}.json`;
  rmSync(report, { force: true });
  const ok = run(title, 'npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  countVitest(report);
  return ok;
}

const steps = [
  () => run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']),
  () => run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']),
  () => run('import cycles', 'npm', ['run', '--silent', 'lint:cycles']),
  () => run('format', 'npx', ['prettier', '--check', '.']),
  () => vitest('unit tests', 'vitest.config.ts', 'unit'),
  () => run('chromium', 'node', ['tests/tools/ensure-chromium.mjs']),
  () => run('production build', 'npx', ['vite', 'build']),
  () => vitest('end-to-end tests', 'vitest.e2e.config.ts', 'e2e'),
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
