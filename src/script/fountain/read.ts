import { extractAnnotations } from './annotations';
import { classifyDialogueLine, classifyLine, type LineClass } from './classify';
import { ElementList } from './elementList';
import { isBlank, isTwoSpaceLine, normalizeNewlines, type SourceLine } from './lines';
import { readTitlePage } from './titlePage';
import type { Diagnostic, ScriptDocument, ScriptElement } from '../types';

/**
 * Fountain 1.1 (https://fountain.io/syntax). The text passes through, in order: newline
 * normalisation, removal of boneyard and notes, the title page, then a line-by-line pass where
 * each line's type depends on the line and on the blank lines around it.
 */
export function parseFountain(text: string): ScriptDocument {
  const annotated = extractAnnotations(normalizeNewlines(text));
  const diagnostics: Diagnostic[] = [...annotated.diagnostics];
  const { titlePage, bodyStart } = readTitlePage(annotated.lines);
  const body = classifyBody(annotated.lines.slice(bodyStart), diagnostics);
  return { titlePage, elements: mergeByLine(body, annotated.notes), diagnostics };
}

function classifyBody(lines: readonly SourceLine[], diagnostics: Diagnostic[]): ScriptElement[] {
  const list = new ElementList();
  let inDialogue = false;
  let blankRun = 0;
  for (let index = 0; index < lines.length; index++) {
    const { text, line } = lines[index] ?? { text: '', line: 0 };
    if (inDialogue && isTwoSpaceLine(text)) {
      list.addEmptyDialogueLine();
      continue;
    }
    if (isBlank(text)) {
      inDialogue = false;
      blankRun++;
      list.breakFlow();
      continue;
    }
    const keptBlankLines = Math.max(0, blankRun - 1);
    blankRun = 0;
    if (inDialogue) {
      list.add({ ...classifyDialogueLine(text.trim()), line });
      continue;
    }
    const lineClass = classifyLine(text, {
      blankBefore: index === 0 || isBlank(lines[index - 1]?.text ?? ''),
      blankAfter: index === lines.length - 1 || isBlank(lines[index + 1]?.text ?? ''),
    });
    addLine(list, lineClass, line, diagnostics, keptBlankLines);
    inDialogue = lineClass.type === 'character';
  }
  return list.elements;
}

function addLine(
  list: ElementList,
  lineClass: LineClass,
  line: number,
  diagnostics: Diagnostic[],
  keptBlankLines: number,
): void {
  switch (lineClass.type) {
    case 'character': {
      const { text, extension, dualMark } = lineClass;
      const paired = dualMark && list.pairDualDialogue();
      if (dualMark && !paired) {
        diagnostics.push({
          line,
          message: `"${text} ^" marks dual dialogue, but no speech comes right before it.`,
          severity: 'warning',
        });
      }
      list.add({
        type: 'character',
        text,
        line,
        ...(extension === undefined ? {} : { extension }),
        ...(paired ? { dual: 'right' as const } : {}),
      });
      return;
    }
    case 'action': {
      if (lineClass.notAHeading) {
        diagnostics.push({
          line,
          message:
            'This line is written like a scene heading, but a heading needs a blank line before ' +
            'and after it; it was read as action.',
          severity: 'warning',
        });
      }
      list.add({
        type: 'action',
        text: keptBlankPrefix(list, keptBlankLines) + lineClass.text,
        line,
      });
      return;
    }
    default:
      list.add({ ...lineClass, line });
  }
}

/**
 * Fountain respects vertical whitespace in action: blank lines beyond the one that separates two
 * action paragraphs are kept, as empty lines at the start of the second paragraph's text. Between
 * other elements extra blank lines mean nothing and are dropped (so every paragraph stays one
 * element, which the breakdown counts on).
 */
function keptBlankPrefix(list: ElementList, keptBlankLines: number): string {
  return keptBlankLines > 0 && list.elements.at(-1)?.type === 'action'
    ? '\n'.repeat(keptBlankLines)
    : '';
}

/**
 * Notes were lifted out of the text before classification; put each back after the element it
 * was written in (elements and notes are both in line order).
 */
function mergeByLine(
  elements: readonly ScriptElement[],
  notes: readonly ScriptElement[],
): ScriptElement[] {
  const merged: ScriptElement[] = [];
  let next = 0;
  for (const note of notes) {
    while (next < elements.length && (elements[next]?.line ?? 0) <= note.line) {
      merged.push(elements[next++] as ScriptElement);
    }
    merged.push(note);
  }
  while (next < elements.length) merged.push(elements[next++] as ScriptElement);
  return merged;
}
