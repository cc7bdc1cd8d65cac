import type { ScriptElement } from '../script/types';

/**
 * Fountain only calls a line a transition when it ends in `TO:` or starts with `>`, so the
 * `FADE IN:` and `FADE OUT.` that many scripts write plainly arrive as action. They put nothing
 * on screen and must not become shots (nor turn a script's opening `FADE IN:` into a cold open).
 */
const PLAIN_TRANSITION = /^(?:FADE|CUT|DISSOLVE|SMASH|MATCH|JUMP|WIPE|IRIS)\b[^\n]*[.:]$/u;
const LOWERCASE_LETTER = /\p{Ll}/u;

export function isPlainTransition(text: string): boolean {
  const trimmed = text.trim();
  return PLAIN_TRANSITION.test(trimmed) && !LOWERCASE_LETTER.test(trimmed);
}

/** Elements that become (part of) a shot. */
export function putsSomethingOnScreen(element: ScriptElement): boolean {
  switch (element.type) {
    case 'action':
      return !isPlainTransition(element.text);
    case 'character':
    case 'centered':
    case 'shot':
    case 'lyrics':
      return true;
    default:
      return false;
  }
}
