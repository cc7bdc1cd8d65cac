import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { fountainCompletionSource } from './fountainCompletionSource';
import {
  currentTokens,
  fountainTokenState,
  keptTokens,
  SYNC_TOKENIZE_MAX_CHARS,
} from './fountainExtension';
import { isExternalValue, minimalChange } from './minimalChange';

function completeAt(doc: string, characters: string[] = [], explicit = false) {
  const state = EditorState.create({ doc, extensions: [fountainTokenState] });
  const source = fountainCompletionSource(() => characters);
  return source(new CompletionContext(state, doc.length, explicit)) as CompletionResult | null;
}

describe('the CodeMirror completion source', () => {
  test('offers names from the text and the given cast, labelled as characters', () => {
    const result = completeAt('ANNA\nHi.\n\nB', ['BEN']);
    expect(result?.from).toBe(10);
    expect(result?.options.map((o) => [o.label, o.detail])).toEqual([
      ['ANNA', 'character'],
      ['BEN', 'character'],
    ]);
  });

  test('offers locations after a heading prefix, and keeps them while the word goes on', () => {
    const result = completeAt('EXT. ROOF - NIGHT\n\nInt. R');
    expect(result?.options.map((o) => o.label)).toEqual(['ROOF']);
    expect(result?.validFor instanceof RegExp && result.validFor.test('ROO')).toBe(true);
    expect(result?.validFor instanceof RegExp && result.validFor.test('ROOF - ')).toBe(false);
  });

  test('the tokens follow each change of the document', () => {
    const state = EditorState.create({ doc: 'Bob.', extensions: [fountainTokenState] });
    const next = state.update({ changes: { from: 0, insert: 'INT. HOUSE - DAY\n\n' } }).state;
    expect(keptTokens(next).outline.map((e) => e.text)).toEqual(['INT. HOUSE - DAY']);
  });

  test('in a long script the kept tokens wait for a pause; completion reads the text as it is', () => {
    const action = 'Bob walks along the long, long corridor and counts the doors.\n\n';
    const doc = action.repeat(Math.ceil(SYNC_TOKENIZE_MAX_CHARS / action.length) + 1);
    const state = EditorState.create({ doc, extensions: [fountainTokenState] });
    const typed = state.update({
      changes: { from: doc.length, insert: 'EXT. PIER - DAY\n\n' },
    }).state;
    expect(typed.field(fountainTokenState).stale).toBe(true);
    expect(keptTokens(typed).outline).toEqual([]);
    expect(currentTokens(typed).outline.map((e) => e.text)).toEqual(['EXT. PIER - DAY']);
    const source = fountainCompletionSource(() => []);
    const text = `${typed.doc.toString()}EXT. P`;
    const next = typed.update({ changes: { from: typed.doc.length, insert: 'EXT. P' } }).state;
    const result = source(new CompletionContext(next, text.length, false)) as CompletionResult;
    expect(result.options.map((o) => o.label)).toEqual(['PIER']);
  });
});

describe('a value set from outside', () => {
  test('replaces only what differs', () => {
    expect(minimalChange('INT. HOUSE\n\nBob.', 'INT. HOUSE\n\nBob runs.')).toEqual({
      from: 15,
      to: 15,
      insert: ' runs',
    });
    expect(minimalChange('aXb', 'ab')).toEqual({ from: 1, to: 2, insert: '' });
    expect(minimalChange('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
    expect(minimalChange('same', 'same')).toBeNull();
  });

  test('the echo of an earlier keystroke does not undo what was typed since', () => {
    // Typed "a", "ab", "abc"; the parent renders with "ab" while the editor holds "abc".
    expect(isExternalValue('ab', 'abc', ['a', 'ab', 'abc'])).toBe(false);
    expect(isExternalValue('abc', 'abc', ['a', 'ab', 'abc'])).toBe(false);
    // A regenerated script is new: it replaces the text.
    expect(isExternalValue('INT. NEW', 'abc', ['a', 'ab', 'abc'])).toBe(true);
  });
});
