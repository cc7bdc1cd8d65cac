import { lazy, Suspense } from 'react';
import type { ScriptEditorProps } from './scriptEditorProps';

export type { ScriptEditorProps } from './scriptEditorProps';

// CodeMirror and the Fountain tokenizer load with the first editor shown, not with the app.
const ScriptEditorView = lazy(() => import('./ScriptEditorView'));

/** A Fountain editor: highlighting, completion, an outline to jump by, find and replace. */
export function ScriptEditor(props: ScriptEditorProps) {
  return (
    <Suspense fallback={<p className="muted script-editor-loading">Loading the script editor…</p>}>
      <ScriptEditorView {...props} />
    </Suspense>
  );
}
