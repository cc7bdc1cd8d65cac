import * as Y from 'yjs';
import { createProjectMeta } from '../../src/model/project';
import { breakdownScript } from '../../src/plan/breakdown';
import { parseScript, scriptStats } from '../../src/script';
import {
  editScript,
  followScriptText,
  seedScript,
  SnapshotReader,
  touchedBy,
  rootsOf,
} from '../../src/store/projectDoc';
import { writeSnapshot } from '../../src/store/projectDoc/operations';
import { buildFeatureLengthScript, FEATURE_LENGTH_BYTES } from './parseCorpus';

/**
 * Keystroke to updated boards in the shared script (issue 17): one character typed into a
 * 150-page script's Y.Text, the session's snapshot read back, then the boards following it
 * (parse, breakdown, alignment by anchor and likeness, apply, anchors) — what a pause in typing
 * costs in the live mode, measured on the document layer the session runs it on.
 */
export interface ScriptEditFigures {
  readonly p95Ms: number;
  readonly medianMs: number;
}

/**
 * Keystrokes alternate between the incremental follow (only the scenes the edit touched) and the
 * full one (the whole text), on one document in one run, so machine load hits both alike.
 */
export function measureScriptEdits(keystrokes: number): {
  pages: number;
  shots: number;
  incremental: ScriptEditFigures;
  full: ScriptEditFigures;
} {
  let text = buildFeatureLengthScript();
  for (let size = FEATURE_LENGTH_BYTES; scriptStats(parseScript(text)).estimatedPages < 150;) {
    size = Math.round(size * 1.15);
    text = buildFeatureLengthScript(size);
  }
  const pages = scriptStats(parseScript(text)).estimatedPages;
  const breakdown = breakdownScript(parseScript(text));
  const snapshot = { meta: createProjectMeta('Bench'), ...breakdown };
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  seedScript(doc, text, snapshot);
  const reader = new SnapshotReader(doc);
  const roots = rootsOf(doc);
  doc.on('afterTransaction', (tr: Y.Transaction) => reader.apply(touchedBy(tr, roots)));
  // The first follow reads the whole text whichever way: it is what the next ones build on.
  doc.transact(() => followScriptText(doc, reader.result.snapshot));
  const times = { incremental: [] as number[], full: [] as number[] };
  // Type into the middle of an action paragraph, a character at a time.
  let at = text.indexOf('\n\n', Math.floor(text.length / 2)) - 1;
  for (let i = 0; i < keystrokes * 2; i++) {
    const incremental = i % 2 === 0;
    const started = performance.now();
    doc.transact(() => editScript(doc, [{ from: at, to: at, insert: i % 5 === 4 ? ' ' : 'x' }]));
    doc.transact(() => followScriptText(doc, reader.result.snapshot, { incremental }));
    (incremental ? times.incremental : times.full).push(performance.now() - started);
    at++;
  }
  return {
    pages,
    shots: reader.result.snapshot.shots.length,
    incremental: figures(times.incremental),
    full: figures(times.full),
  };
}

function figures(times: readonly number[]): ScriptEditFigures {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p95Ms: pick(0.95), medianMs: pick(0.5) };
}
