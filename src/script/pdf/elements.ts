import { isAllCaps } from '../caps';
import { splitCue } from '../cue';
import { startsLikeSceneHeading } from '../fountain/classify';
import { isShotLine } from '../shots';
import type { CharacterElement, DualSide, ScriptElement } from '../types';
import { isCueLike, type Bands } from './bands';
import type { BodyLine, CleanPage } from './furniture';
import { lineSpacing } from './lines';

/**
 * Screenplay elements from the body lines of a PDF, using the inferred bands and capitals:
 *
 * - at the action margin: a scene heading (INT./EXT./… or a margin scene number), a shot line in
 *   capitals after a blank line (`CLOSE ON THE LETTER`, see shots.ts), else action;
 * - a cue-like line (a name in capitals) right of the dialogue band, after a blank line: a
 *   character, which opens a speech; in a speech, a line opening with `(` is a parenthetical (up
 *   to its `)`), other indented lines are dialogue;
 * - capitals ending in `:` (or `FADE OUT.`-like) far right or right-aligned: a transition;
 * - a line centred between the margins, in no band: centred text;
 * - two cues side by side open dual dialogue, split into columns at the midpoint between them.
 *
 * Lines of one paragraph (no blank line between) are joined with spaces: line breaks in a PDF are
 * where the layout wrapped, not where the writer pressed return. A speech cut by a page break
 * (`(MORE)` at the bottom, `NAME (CONT'D)` at the top of the next page) is joined back into one.
 */
export class PdfScriptBuilder {
  readonly elements: ScriptElement[] = [];
  private inSpeech = false;
  private parenthesisOpen = false;
  private speaker = '';
  private previous: BodyLine | undefined;
  private readonly lineHeight: number;
  private readonly tolerance: number;

  constructor(
    private readonly bands: Bands,
    lines: readonly BodyLine[],
  ) {
    this.lineHeight = lineSpacing(lines);
    this.tolerance = bands.charWidth * BAND_TOLERANCE_CHARS;
  }

  addPage(page: CleanPage, continuesSpeech: boolean): void {
    const lines = page.lines;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] as BodyLine;
      const startsPage = index === 0;
      if (startsPage && continuesSpeech && this.isContinuationCue(line)) {
        this.previous = line;
        continue;
      }
      const carriesOver = startsPage && (continuesSpeech || this.continuesAction(line));
      const blankBefore =
        !carriesOver &&
        (startsPage || this.gapBefore(line) > PARAGRAPH_GAP_LINES * this.lineHeight);
      if (blankBefore) this.endSpeech();
      const pair = this.dualCues(line);
      if (blankBefore && pair) {
        index = this.readDualDialogue(lines, index, pair) - 1;
        this.previous = lines[index];
        continue;
      }
      this.readLine(line, lines[index + 1], blankBefore, startsPage && continuesSpeech);
      this.previous = line;
    }
  }

  /** Action cut mid-sentence by a page break goes on at the top of the next page. */
  private continuesAction(line: BodyLine): boolean {
    const last = this.last();
    return (
      last?.type === 'action' &&
      !SENTENCE_END.test(last.text) &&
      this.near(line.x, this.bands.action) &&
      line.sceneNumber === undefined &&
      !startsLikeSceneHeading(line.text)
    );
  }

  private gapBefore(line: BodyLine): number {
    const previous = this.previous;
    if (!previous || previous.page !== line.page) return Number.POSITIVE_INFINITY;
    return previous.y - line.y;
  }

  private readLine(
    line: BodyLine,
    next: BodyLine | undefined,
    blankBefore: boolean,
    continuing: boolean,
  ): void {
    const text = line.text.trim();
    const { bands } = this;
    if (this.inSpeech && this.parenthesisOpen) {
      this.appendTo('parenthetical', text);
      this.parenthesisOpen = !text.endsWith(')');
      return;
    }
    if (this.near(line.x, bands.action)) {
      this.endSpeech();
      if (line.sceneNumber !== undefined || startsLikeSceneHeading(text)) {
        this.push({
          type: 'scene_heading',
          text,
          line: line.index,
          ...(line.sceneNumber === undefined ? {} : { sceneNumber: line.sceneNumber }),
        });
      } else if (blankBefore && isShotLine(text)) {
        this.push({ type: 'shot', text, line: line.index });
      } else if (!blankBefore && this.last()?.type === 'action') {
        this.appendTo('action', text);
      } else {
        this.push({ type: 'action', text, line: line.index });
      }
      return;
    }
    if (this.isTransition(line)) {
      this.endSpeech();
      this.push({ type: 'transition', text, line: line.index });
      return;
    }
    if ((blankBefore || !this.inSpeech) && this.isCue(line, next)) {
      this.startSpeech(line);
      return;
    }
    if (this.inSpeech && text.startsWith('(') && !this.wrapsDialogue(text, blankBefore)) {
      this.push({ type: 'parenthetical', text, line: line.index });
      this.parenthesisOpen = !text.endsWith(')');
      return;
    }
    if (this.inSpeech && line.x > bands.action + this.tolerance) {
      const last = this.last();
      if (last?.type === 'dialogue' && (!blankBefore || continuing))
        this.appendTo('dialogue', text);
      else this.push({ type: 'dialogue', text, line: line.index });
      return;
    }
    if (this.isCentered(line)) {
      // Centred lines are set line by line (titles, cards): their breaks are meant.
      if (!blankBefore && this.last()?.type === 'centered') this.appendTo('centered', text, '\n');
      else this.push({ type: 'centered', text, line: line.index });
      return;
    }
    if (!blankBefore && this.last()?.type === 'action') this.appendTo('action', text);
    else this.push({ type: 'action', text, line: line.index });
  }

  /**
   * `(CONT'D)` is a cue's extension, never a direction to the actor: a line of speech that opens
   * with it (where the layout wrapped a speech that says it) goes on with the dialogue.
   */
  private wrapsDialogue(text: string, blankBefore: boolean): boolean {
    return !blankBefore && this.last()?.type === 'dialogue' && CONTD_OPENING.test(text);
  }

  private near(x: number, band: number | undefined): boolean {
    return band !== undefined && Math.abs(x - band) <= this.tolerance;
  }

  /**
   * A cue sits right of the dialogue band (at the character band, if the document has one), and
   * speech follows it at once, further left. That tells it from centred text in capitals.
   */
  private isCue(line: BodyLine, next: BodyLine | undefined): boolean {
    if (!isCueLike(line)) return false;
    const { bands } = this;
    const speechFollows =
      next !== undefined &&
      next.page === line.page &&
      line.y - next.y <= PARAGRAPH_GAP_LINES * this.lineHeight &&
      next.x < line.x - this.tolerance;
    if (!speechFollows) return false;
    if (bands.character !== undefined) return this.near(line.x, bands.character);
    const indent = bands.dialogue ?? bands.action;
    return line.x > indent + CUE_MIN_INDENT_CHARS * bands.charWidth;
  }

  /** Capitals, right-aligned (nothing else is), or far right and ending like `CUT TO:`. */
  private isTransition(line: BodyLine): boolean {
    const text = line.text.trim();
    const { bands } = this;
    if (!isAllCaps(text) || line.x <= bands.action + this.tolerance) return false;
    const rightAligned =
      Math.abs(line.right - bands.actionRight) <= RIGHT_ALIGN_CHARS * bands.charWidth &&
      line.x > (bands.character ?? bands.action + FAR_RIGHT_CHARS * bands.charWidth);
    const farRight =
      line.x >= (bands.character ?? bands.action + FAR_RIGHT_CHARS * bands.charWidth);
    return rightAligned || (farRight && TRANSITION_ENDING.test(text));
  }

  private isCentered(line: BodyLine): boolean {
    const { bands } = this;
    const center =
      bands.actionRight > bands.action
        ? (bands.action + bands.actionRight) / 2
        : line.pageWidth / 2;
    return Math.abs((line.x + line.right) / 2 - center) <= CENTER_TOLERANCE_CHARS * bands.charWidth;
  }

  private isContinuationCue(line: BodyLine): boolean {
    if (!isCueLike(line)) return false;
    const { name, extension } = splitCue(line.text.trim());
    return name === this.speaker && /CONT/i.test(extension);
  }

  private startSpeech(line: BodyLine, dual?: DualSide): void {
    const { name, extension } = splitCue(line.text.trim().replace(/\s*\^$/, ''));
    const element: CharacterElement = {
      type: 'character',
      text: name,
      line: line.index,
      ...(extension === '' ? {} : { extension }),
      ...(dual ? { dual } : {}),
    };
    this.push(element);
    this.inSpeech = true;
    this.parenthesisOpen = false;
    this.speaker = name;
  }

  private endSpeech(): void {
    this.inSpeech = false;
    this.parenthesisOpen = false;
  }

  /** Two cues side by side on one line: the start of dual dialogue. */
  private dualCues(line: BodyLine): { left: BodyLine; right: BodyLine; split: number } | undefined {
    const [first, second] = line.segments;
    if (line.segments.length !== 2 || !first || !second) return undefined;
    const left = { ...line, text: first.text, x: first.x, right: first.right, segments: [first] };
    const right = {
      ...line,
      text: second.text,
      x: second.x,
      right: second.right,
      segments: [second],
    };
    if (!isCueLike(left) || !isCueLike(right)) return undefined;
    return { left, right, split: (first.x + second.x) / 2 };
  }

  /** Reads a dual-dialogue block; returns the index of the first line after it. */
  private readDualDialogue(
    lines: readonly BodyLine[],
    start: number,
    pair: { left: BodyLine; right: BodyLine; split: number },
  ): number {
    const columns: { left: BodyLine[]; right: BodyLine[] } = { left: [], right: [] };
    let index = start + 1;
    let previous = lines[start] as BodyLine;
    for (; index < lines.length; index++) {
      const line = lines[index] as BodyLine;
      if (previous.y - line.y > PARAGRAPH_GAP_LINES * this.lineHeight) break;
      for (const segment of line.segments) {
        const part = {
          ...line,
          text: segment.text,
          x: segment.x,
          right: segment.right,
          segments: [segment],
        };
        (segment.x < pair.split ? columns.left : columns.right).push(part);
      }
      previous = line;
    }
    this.endSpeech();
    this.readColumn(pair.left, columns.left, 'left');
    this.readColumn(pair.right, columns.right, 'right');
    this.endSpeech();
    return index;
  }

  private readColumn(cue: BodyLine, lines: readonly BodyLine[], side: DualSide): void {
    this.startSpeech(cue, side);
    for (const line of lines) {
      const text = line.text.trim();
      if (this.parenthesisOpen) {
        this.appendTo('parenthetical', text);
        this.parenthesisOpen = !text.endsWith(')');
      } else if (text.startsWith('(')) {
        this.push({ type: 'parenthetical', text, line: line.index });
        this.parenthesisOpen = !text.endsWith(')');
      } else if (this.last()?.type === 'dialogue') {
        this.appendTo('dialogue', text);
      } else {
        this.push({ type: 'dialogue', text, line: line.index });
      }
    }
  }

  private last(): ScriptElement | undefined {
    return this.elements.at(-1);
  }

  private push(element: ScriptElement): void {
    this.elements.push(element);
  }

  private appendTo(type: ScriptElement['type'], text: string, separator = ' '): void {
    const last = this.last();
    if (last?.type !== type) return;
    this.elements[this.elements.length - 1] = { ...last, text: `${last.text}${separator}${text}` };
  }
}

/** A line within this many characters of a band's indent belongs to it. */
const BAND_TOLERANCE_CHARS = 1.5;
/** A vertical gap over this many line heights is a blank line. */
export const PARAGRAPH_GAP_LINES = 1.5;
/** Without a character band, a cue is at least this far right of the dialogue indent. */
const CUE_MIN_INDENT_CHARS = 5;
const CONTD_OPENING = /^\(\s*CONT(?:'|’|INUE)?D\s*\)/i;
const SENTENCE_END = /[.!?:;"'”’)\]]$/;
const TRANSITION_ENDING = /(?:TO:|:|OUT\.|TO BLACK\.?|IN\.)$/;
const RIGHT_ALIGN_CHARS = 3;
const FAR_RIGHT_CHARS = 25;
const CENTER_TOLERANCE_CHARS = 3;
