import type { CharacterElement, ScriptElement } from '../types';

/** Types whose consecutive lines (no blank line between) make one element, joined with `\n`. */
const FLOWING_TYPES: ReadonlySet<ScriptElement['type']> = new Set([
  'action',
  'dialogue',
  'lyrics',
  'centered',
]);

/** Types that may stand between a speaker and the next one in a dual-dialogue pair. */
const INSIDE_SPEECH: ReadonlySet<ScriptElement['type']> = new Set([
  'dialogue',
  'parenthetical',
  'lyrics',
]);

/** Collects elements in order, joining flowing lines and pairing dual dialogue. */
export class ElementList {
  readonly elements: ScriptElement[] = [];
  /** The last element may take the next line of its type; false after a blank line. */
  private flowOpen = false;

  add(element: ScriptElement): void {
    const last = this.elements.at(-1);
    if (this.flowOpen && last && last.type === element.type && FLOWING_TYPES.has(element.type)) {
      this.elements[this.elements.length - 1] = { ...last, text: `${last.text}\n${element.text}` };
      return;
    }
    this.elements.push(element);
    this.flowOpen = FLOWING_TYPES.has(element.type);
  }

  /** A blank line ends the current paragraph. */
  breakFlow(): void {
    this.flowOpen = false;
  }

  /** Two spaces inside dialogue: an empty line that keeps the speech going. */
  addEmptyDialogueLine(): void {
    const last = this.elements.at(-1);
    if (this.flowOpen && last?.type === 'dialogue') {
      this.elements[this.elements.length - 1] = { ...last, text: `${last.text}\n` };
    }
  }

  /**
   * `^` marks the second speaker of a dual-dialogue pair; the first is the speaker whose speech
   * comes right before it. Returns false (and marks nothing) when there is none.
   */
  pairDualDialogue(): boolean {
    let index = this.elements.length - 1;
    while (index >= 0 && INSIDE_SPEECH.has(this.elements[index]?.type ?? 'action')) index--;
    const first = this.elements[index];
    if (first?.type !== 'character' || index === this.elements.length - 1) return false;
    const left: CharacterElement = { ...first, dual: 'left' };
    this.elements[index] = left;
    return true;
  }
}
