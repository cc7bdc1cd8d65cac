import {
  StateEffect,
  StateField,
  type EditorState,
  type Extension,
  type Range,
  type Text,
} from '@codemirror/state';
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';
import { tokenizeFountain, type FountainTokens } from '../../script/fountain/tokens';

/**
 * Fountain in CodeMirror: the tokens of the whole text (src/script/fountain/tokens.ts) are kept in
 * the state (a line's type depends on blank lines and boneyard anywhere above it, so they are
 * worked out for the whole text: linear, about 23 ms for 150 pages in Node here). Decorations are
 * made only for what is on screen. Each line gets `cm-fountain-<type>` (and
 * `cm-fountain-dual-<side>`), each span `cm-fountain-<span type>`; fountainEditor.css lays them
 * out as a formatted script.
 *
 * A short script is tokenized again on every change. A long one would make each keystroke wait,
 * so there the decorations on screen move with the text as it is typed and the tokens are worked
 * out again once typing pauses for `RETOKENIZE_AFTER_MS`.
 */
export const SYNC_TOKENIZE_MAX_CHARS = 40_000;
export const RETOKENIZE_AFTER_MS = 120;

interface TokenState {
  readonly tokens: FountainTokens;
  /** The tokens are of an older text (a long script while it is typed in). */
  readonly stale: boolean;
}

const refreshTokens = StateEffect.define<FountainTokens>();

export const fountainTokenState = StateField.define<TokenState>({
  create: (state) => ({ tokens: tokensOf(state.doc), stale: false }),
  update: (value, transaction) => {
    for (const effect of transaction.effects) {
      if (effect.is(refreshTokens)) return { tokens: effect.value, stale: false };
    }
    if (!transaction.docChanged) return value;
    if (transaction.state.doc.length <= SYNC_TOKENIZE_MAX_CHARS) {
      return { tokens: tokensOf(transaction.state.doc), stale: false };
    }
    return { tokens: value.tokens, stale: true };
  },
});

const tokenCache = new WeakMap<Text, FountainTokens>();

function tokensOf(doc: Text): FountainTokens {
  let tokens = tokenCache.get(doc);
  if (!tokens) {
    tokens = tokenizeFountain(doc.toString());
    tokenCache.set(doc, tokens);
  }
  return tokens;
}

/** The tokens of the state's text as it is now (worked out if the kept ones are stale). */
export function currentTokens(state: EditorState): FountainTokens {
  const { tokens, stale } = state.field(fountainTokenState);
  return stale ? tokensOf(state.doc) : tokens;
}

/** The kept tokens, which may be of an older text while a long script is typed in. */
export function keptTokens(state: EditorState): FountainTokens {
  return state.field(fountainTokenState).tokens;
}

const lineDecorations = new Map<string, Decoration>();
const markDecorations = new Map<string, Decoration>();

function lineDecoration(type: string, dual: string | undefined, depth: number | undefined) {
  const key = `${type}/${dual ?? ''}/${depth ?? ''}`;
  let decoration = lineDecorations.get(key);
  if (!decoration) {
    const classes = [`cm-fountain-${type.replace('_', '-')}`];
    if (dual) classes.push(`cm-fountain-dual-${dual}`);
    if (depth !== undefined) classes.push(`cm-fountain-depth-${Math.min(depth, 3)}`);
    decoration = Decoration.line({ class: classes.join(' ') });
    lineDecorations.set(key, decoration);
  }
  return decoration;
}

function markDecoration(type: string) {
  let decoration = markDecorations.get(type);
  if (!decoration) {
    decoration = Decoration.mark({ class: `cm-fountain-${type.replace('_', '-')}` });
    markDecorations.set(type, decoration);
  }
  return decoration;
}

function decorationsFor(view: EditorView): DecorationSet {
  const { lines, spans } = keptTokens(view.state);
  const ranges: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    for (let i = firstLineEndingAfter(lines, from); i < lines.length; i++) {
      const line = lines[i] as FountainTokens['lines'][number];
      if (line.from > to) break;
      if (line.type !== 'blank') {
        ranges.push(lineDecoration(line.type, line.dual, line.depth).range(line.from));
      }
    }
    for (const span of spans) {
      if (span.from > to) break;
      if (span.to <= from || span.to <= span.from) continue;
      ranges.push(markDecoration(span.type).range(span.from, span.to));
    }
  }
  return Decoration.set(ranges, true);
}

function firstLineEndingAfter(lines: FountainTokens['lines'], pos: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((lines[mid] as FountainTokens['lines'][number]).to < pos) low = mid + 1;
    else high = mid;
  }
  return low;
}

const fountainDecorations = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly view: EditorView) {
      this.decorations = decorationsFor(view);
    }

    update(update: ViewUpdate) {
      const { stale, tokens } = update.state.field(fountainTokenState);
      if (stale) {
        // Typing in a long script: what is on screen moves with the text until it rests.
        if (update.docChanged) this.decorations = this.decorations.map(update.changes);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), RETOKENIZE_AFTER_MS);
        return;
      }
      const retokenized = tokens !== update.startState.field(fountainTokenState).tokens;
      if (retokenized || update.viewportChanged) this.decorations = decorationsFor(update.view);
    }

    private refresh() {
      const { state } = this.view;
      if (!state.field(fountainTokenState).stale) return;
      this.view.dispatch({ effects: refreshTokens.of(tokensOf(state.doc)) });
    }

    destroy() {
      clearTimeout(this.timer);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export function fountain(): Extension {
  return [fountainTokenState, fountainDecorations];
}
