import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, Transaction } from '@codemirror/state';
import { drawSelection, EditorView, keymap, placeholder } from '@codemirror/view';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutlineEntry } from '../../script/fountain/tokens';
import { fountainCompletionSource } from './fountainCompletionSource';
import { fountain, keptTokens } from './fountainExtension';
import { isExternalValue, minimalChange } from './minimalChange';
import type { ScriptEditorProps } from './scriptEditorProps';
import { ScriptOutline } from './ScriptOutline';
import { ScriptStats } from './ScriptStats';
import editorCss from './fountainEditor.css?inline';
import './scriptEditor.css';
import { onThemeChange, showsDark } from '../app/theme';

let editorSheet: CSSStyleSheet | null = null;

/**
 * CodeMirror injects its styles at run time. In a document that is a `<style>` element, which
 * the app's Content-Security-Policy (`style-src 'self'`) refuses; in a shadow root it is a
 * constructed stylesheet, which the policy allows. So the editor lives in a shadow root of its
 * host, with our own sheet (fountainEditor.css) adopted beside CodeMirror's.
 */
function shadowParent(host: HTMLElement): { root: ShadowRoot; parent: HTMLElement } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!editorSheet) {
    editorSheet = new CSSStyleSheet();
    editorSheet.replaceSync(editorCss);
  }
  if (!root.adoptedStyleSheets.includes(editorSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, editorSheet];
  }
  const parent = document.createElement('div');
  parent.className = 'script-editor-host';
  root.append(parent);
  return { root, parent };
}

/** The editor itself; ScriptEditor.tsx loads it lazily. */
export default function ScriptEditorView({
  value,
  onChange,
  label,
  readOnly = false,
  characters,
  outline = true,
  binding,
}: ScriptEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [entries, setEntries] = useState<readonly OutlineEntry[]>([]);
  const [cursorLine, setCursorLine] = useState(1);
  const [text, setText] = useState(binding?.text ?? value);
  // The latest props, for the extensions made once when the editor is made.
  const latest = useRef({ onChange, characters: characters ?? [] });
  useEffect(() => {
    latest.current = { onChange, characters: characters ?? [] };
  }, [onChange, characters]);
  // Texts sent through onChange that the value prop has not caught up with yet.
  const sent = useRef<string[]>([]);
  const [compartments] = useState(() => ({ readOnly: new Compartment(), dark: new Compartment() }));

  useEffect(() => {
    if (!host.current) return;
    const { root, parent } = shadowParent(host.current);
    const editor = new EditorView({
      parent,
      root,
      state: EditorState.create({
        doc: binding?.text ?? value,
        extensions: [
          fountain(),
          // Bound to the project's script, undo is the project's (the binding's keymap).
          binding ? binding.extension : history(),
          drawSelection(),
          closeBrackets(),
          EditorView.lineWrapping,
          search({ top: true }),
          highlightSelectionMatches(),
          autocompletion({
            override: [fountainCompletionSource(() => latest.current.characters)],
            icons: false,
          }),
          keymap.of([...completionKeymap, ...searchKeymap, ...historyKeymap, ...defaultKeymap]),
          placeholder('INT. SOMEWHERE - DAY'),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          compartments.readOnly.of(readOnlyExtension(readOnly)),
          compartments.dark.of(EditorView.darkTheme.of(showsDark())),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              const next = update.state.doc.toString();
              setText(next);
              const fromPerson = update.transactions.some(
                (tr) => tr.annotation(Transaction.remote) !== true,
              );
              if (fromPerson && !binding) {
                sent.current.push(next);
                latest.current.onChange(next);
              }
            }
            if (update.docChanged || update.selectionSet) {
              setCursorLine(update.state.doc.lineAt(update.state.selection.main.head).number);
            }
            const tokens = keptTokens(update.state);
            if (tokens !== keptTokens(update.startState)) {
              setEntries((old) => (sameOutline(old, tokens.outline) ? old : tokens.outline));
            }
          }),
        ],
      }),
    });
    setView(editor);
    setEntries(keptTokens(editor.state).outline);
    // The theme chosen in Settings, or the OS's.
    const stopWatching = onThemeChange(() =>
      editor.dispatch({
        effects: compartments.dark.reconfigure(EditorView.darkTheme.of(showsDark())),
      }),
    );
    return () => {
      stopWatching();
      editor.destroy();
      parent.remove();
      setView(null);
    };
    // Made once; value, readOnly and label reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new value from outside replaces only what differs; the echo of a keystroke is left alone
  // (isExternalValue).
  useEffect(() => {
    if (!view || binding) return;
    const current = view.state.doc.toString();
    if (value === current) sent.current = [];
    if (!isExternalValue(value, current, sent.current)) return;
    sent.current = [];
    const change = minimalChange(current, value);
    if (change) view.dispatch({ changes: change, annotations: Transaction.remote.of(true) });
  }, [view, value, binding]);

  useEffect(() => {
    view?.dispatch({ effects: compartments.readOnly.reconfigure(readOnlyExtension(readOnly)) });
  }, [view, readOnly, compartments]);

  const jump = useCallback(
    (entry: OutlineEntry) => {
      if (!view) return;
      const line = view.state.doc.line(Math.min(entry.line, view.state.doc.lines));
      view.dispatch({
        selection: { anchor: line.from },
        effects: EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 24 }),
      });
      view.focus();
    },
    [view],
  );

  return (
    <div className="script-editor">
      <div className={`script-editor-grid${outline ? ' with-outline' : ''}`}>
        {outline ? <ScriptOutline entries={entries} cursorLine={cursorLine} onJump={jump} /> : null}
        <div className="script-editor-main">
          <div className="script-editor-text" ref={host} />
          {outline ? <ScriptStats text={text} /> : null}
        </div>
      </div>
    </div>
  );
}

function readOnlyExtension(readOnly: boolean) {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({ 'aria-readonly': readOnly ? 'true' : 'false' }),
    // Read-only, CodeMirror's text is not editable and so not focusable: without a tab stop a
    // keyboard cannot scroll it.
    ...(readOnly ? [EditorView.contentAttributes.of({ tabindex: '0' })] : []),
  ];
}

function sameOutline(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => {
      const other = b[i] as OutlineEntry;
      return entry.line === other.line && entry.text === other.text && entry.kind === other.kind;
    })
  );
}
