import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { breakdownScript, type Breakdown } from '../plan';
import { parseScript } from '../script';
import type { ScriptDocument } from '../script/types';
import {
  checkBreakdownBudget,
  checkParsedBudget,
  describeSource,
  SCREENPLAY_BUDGET,
  type ScreenplayBudget,
} from './screenplayBudget';

/** Screenplays larger than this are not scripts (a feature film is ~200 KB of Fountain). */
export const MAX_SCREENPLAY_BYTES = 5 * 1024 * 1024;
/** PDFs are bigger than their text: a 120-page script PDF is typically 100–500 KB. */
export const MAX_SCREENPLAY_PDF_BYTES = 50 * 1024 * 1024;

export type ScriptRead =
  | { readonly ok: true; readonly script: ScriptDocument; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

export type ScreenplayImport =
  | {
      readonly ok: true;
      readonly snapshot: ProjectSnapshot;
      readonly script: ScriptDocument;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/** `the_last_birthday_card.fountain` → `the last birthday card` (used when there is no title page). */
export function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return base || 'Untitled screenplay';
}

const describeFile = describeSource;

/** Accepts a parsed script or says, with the line, why it cannot be boarded. */
export function checkScript(script: ScriptDocument, fileName: string): ScriptRead {
  const where = describeFile(fileName);
  const fatal = script.diagnostics.find((d) => d.severity === 'error');
  if (fatal) {
    const line = fatal.line > 0 ? ` (line ${fatal.line})` : '';
    return { ok: false, error: `${where} could not be imported${line}: ${fatal.message}` };
  }
  const warnings = script.diagnostics.map((d) =>
    d.line > 0 ? `Line ${d.line}: ${d.message}` : d.message,
  );
  return { ok: true, script, warnings };
}

/** Reads screenplay text (Fountain or FDX, sniffed). */
export function readScreenplayText(text: string, fileName: string): ScriptRead {
  if (text.length > MAX_SCREENPLAY_BYTES) {
    return {
      ok: false,
      error: `${describeFile(fileName)} is too large to be a screenplay (over 5 MB).`,
    };
  }
  return checkScript(parseScript(text), fileName);
}

/** Text of a file as UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  const encoding =
    a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

export type BreakdownRead =
  | {
      readonly ok: true;
      readonly script: ScriptDocument;
      readonly breakdown: Breakdown;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/**
 * A read script → its board (scenes, shots, characters), within the budget: a script with more
 * paragraphs than the budget is refused before planning, a board larger than it after, each with
 * the count, the limit and where to split (screenplayBudget.ts). Pure.
 */
export function scriptToBreakdown(
  read: ScriptRead,
  fileName: string,
  budget: ScreenplayBudget = SCREENPLAY_BUDGET,
): BreakdownRead {
  if (!read.ok) return read;
  const tooLong = checkParsedBudget(read.script, fileName, budget);
  if (tooLong) return { ok: false, error: tooLong };
  const breakdown = breakdownScript(read.script);
  if (breakdown.shots.length === 0) {
    return {
      ok: false,
      error: `${describeFile(fileName)} has no scenes, action or dialogue to board.`,
    };
  }
  const tooBig = checkBreakdownBudget(read.script, breakdown, fileName, budget);
  if (tooBig) return { ok: false, error: tooBig };
  return { ok: true, script: read.script, breakdown, warnings: read.warnings };
}

/** Screenplay → a new project's snapshot (scenes, shots, characters), within the budget. Pure. */
export function scriptToSnapshot(
  read: ScriptRead,
  fileName: string,
  budget: ScreenplayBudget = SCREENPLAY_BUDGET,
): ScreenplayImport {
  const planned = scriptToBreakdown(read, fileName, budget);
  if (!planned.ok) return planned;
  const { breakdown } = planned;
  const titleKey = Object.keys(planned.script.titlePage).find(
    (key) => key.toLowerCase() === 'title',
  );
  const titleText = titleKey ? planned.script.titlePage[titleKey] : undefined;
  const title =
    titleText?.replace(/[*_]/g, '').split('\n')[0]?.trim() || titleFromFileName(fileName);
  return {
    ok: true,
    snapshot: { meta: createProjectMeta(title), ...breakdown },
    script: planned.script,
    warnings: planned.warnings,
  };
}

/**
 * Screenplay text → a new project's snapshot. A text the parser cannot read as a screenplay
 * gives an error saying why and where, and no snapshot, so nothing is created or changed.
 */
export function screenplayToSnapshot(
  text: string,
  fileName: string,
  budget: ScreenplayBudget = SCREENPLAY_BUDGET,
): ScreenplayImport {
  return scriptToSnapshot(readScreenplayText(text, fileName), fileName, budget);
}
