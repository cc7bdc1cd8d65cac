import { Fountain, Lexer } from 'fountain-js';
import { expect, test } from 'vitest';
import { parseScript } from '../../src/script';
import { buildFeatureLengthScript } from './parseCorpus';
import { measureScriptEdits } from './scriptEdit';

/**
 * Parse time of a feature-length Fountain script, Frameline against fountain-js 1.2.4, in one
 * process: warm-up first (so both run JIT-compiled), then the two parsers interleaved so drift in
 * machine load hits both alike. Prints figures; asserts nothing about time (TESTING.md: no timed
 * assertions), only that both parsers actually produced something.
 *
 * The ratio is against fountain-js's public `parse(text, true)`, which also renders HTML; its
 * `Lexer.tokenize` alone (tokens only, closer to what `parseScript` does) is printed beside it.
 */
const WARM_UP_ROUNDS = 10;
const MEASURED_ROUNDS = 40;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function timeOnce(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

test('parse benchmark', () => {
  const text = buildFeatureLengthScript();
  const fountainJs = new Fountain();
  const frameline = (): unknown => parseScript(text);
  const reference = (): unknown => fountainJs.parse(text, true);
  const tokensOnly = (): unknown => Lexer.tokenize(text);

  expect(parseScript(text).elements.length).toBeGreaterThan(1000);
  expect(fountainJs.parse(text, true).tokens.length).toBeGreaterThan(1000);

  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    frameline();
    reference();
    tokensOnly();
  }
  const framelineMs: number[] = [];
  const referenceMs: number[] = [];
  const tokensMs: number[] = [];
  for (let round = 0; round < MEASURED_ROUNDS; round++) {
    // Rotate which parser goes first so none always runs right after a GC of another.
    const order = [
      () => framelineMs.push(timeOnce(frameline)),
      () => referenceMs.push(timeOnce(reference)),
      () => tokensMs.push(timeOnce(tokensOnly)),
    ];
    for (let step = 0; step < order.length; step++) order[(round + step) % order.length]?.();
  }
  const ours = median(framelineMs);
  const theirs = median(referenceMs);
  const tokens = median(tokensMs);
  const kb = (Buffer.byteLength(text, 'utf8') / 1024).toFixed(1);
  const figures = (values: readonly number[]): string =>
    `median ${median(values).toFixed(2)} ms, min ${Math.min(...values).toFixed(2)} ms`;
  console.log(`script: ${kb} KB, ${text.split('\n').length} lines; ${MEASURED_ROUNDS} rounds each`);
  console.log(`frameline parseScript:        ${figures(framelineMs)}`);
  console.log(`fountain-js parse(text, true): ${figures(referenceMs)}`);
  console.log(
    `fountain-js Lexer.tokenize:    ${figures(tokensMs)} (ratio ${(tokens / ours).toFixed(2)})`,
  );
  const edits = measureScriptEdits(60);
  const editFigures = (name: string, f: { medianMs: number; p95Ms: number }) =>
    `${name} median ${f.medianMs.toFixed(1)} ms, p95 ${f.p95Ms.toFixed(1)} ms`;
  console.log(
    `script edit → boards: ${Math.round(edits.pages)} pages, ${edits.shots} shots; ${editFigures('scenes touched', edits.incremental)} (target ≤ 100 ms); ${editFigures('whole text', edits.full)}; ratio ${(edits.full.p95Ms / edits.incremental.p95Ms).toFixed(1)}×`,
  );
  console.log(
    `parse ratio fountain-js/frameline=${(theirs / ours).toFixed(2)} frameline_median_ms=${ours.toFixed(2)} script_edit_p95_ms=${edits.incremental.p95Ms.toFixed(1)}`,
  );
}, 300_000);
