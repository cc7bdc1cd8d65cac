import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import { fountainCompletion, type FountainCompletionKind } from '../../script/fountain/completion';
import { currentTokens } from './fountainExtension';

const TYPES: Record<FountainCompletionKind, string> = {
  character: 'variable',
  prefix: 'keyword',
  location: 'namespace',
  time: 'constant',
  extension: 'type',
};

const DETAILS: Record<FountainCompletionKind, string> = {
  character: 'character',
  prefix: 'scene heading',
  location: 'location',
  time: 'time of day',
  extension: 'extension',
};

/** Completion for Fountain (src/script/fountain/completion.ts); `characters()` adds names. */
export function fountainCompletionSource(characters: () => readonly string[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos, explicit } = context;
    const found = fountainCompletion({
      text: state.doc.toString(),
      tokens: currentTokens(state),
      pos,
      explicit,
      characters: characters(),
    });
    if (!found) return null;
    // The source's order (most used first) survives CodeMirror's sorting as a boost.
    const options: Completion[] = found.options.map(({ label, kind }, index) => ({
      label,
      type: TYPES[kind],
      detail: DETAILS[kind],
      boost: Math.max(-99, -index),
    }));
    return { from: found.from, options, validFor: /^[\p{L}\p{N}.'’/]*$/u };
  };
}
