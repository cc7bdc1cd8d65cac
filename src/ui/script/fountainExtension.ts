import { StateField, type Extension, type Range } from '@codemirror/state';
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
 * the state and worked out again on each change (linear; a line's type depends on blank lines and
 * boneyard anywhere above it); decorations are made only for what is on screen. Each line gets
 * `cm-fountain-<type>` (and `cm-fountain-dual-<side>`), each span `cm-fountain-<span type>`;
 * scriptEditor.css lays them out as a formatted script.
 */
export const fountainTokens = StateField.define<FountainTokens>({
  create: (state) => tokenizeFountain(state.doc.toString()),
  update: (tokens, transaction) =>
    transaction.docChanged ? tokenizeFountain(transaction.state.doc.toString()) : tokens,
});

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
  const { lines, spans } = view.state.field(fountainTokens);
  const ranges: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    for (let i = firstLineEndingAfter(lines, from); i < lines.length; i++) {
      const line = lines[i] as FountainTokens['lines'][number];
      if (line.from > to) break;
      if (line.type !== 'blank')
        ranges.push(lineDecoration(line.type, line.dual, line.depth).range(line.from));
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
    constructor(view: EditorView) {
      this.decorations = decorationsFor(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged)
        this.decorations = decorationsFor(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export function fountain(): Extension {
  return [fountainTokens, fountainDecorations];
}
