import { Annotation, Prec, Transaction, type Extension } from '@codemirror/state';
import { keymap, ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';
import {
  yRemoteSelections,
  yRemoteSelectionsTheme,
  ySyncFacet,
  YSyncConfig,
} from 'y-codemirror.next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { parsePresence } from '../model/presence';
import { scriptTextOf } from '../store/projectDoc';
import { documentOf, type ProjectSession } from '../store/projectSession';

/**
 * The script editor bound to the project's shared script text (README "The script and the
 * boards"). Not y-codemirror.next's own `ySync`, which writes the Y.Text directly: every
 * keystroke here is a `script/edit` command (one write path: read-only refused, undo grouped,
 * the project's undo stack), and changes from anywhere else (a collaborator, undo, an edit in
 * the inspector, boards following) come back from the Y.Text into the editor. Cursors and
 * selections are y-codemirror.next's (`yRemoteSelections`), through the room's awareness.
 *
 * Lives in src/sync because it holds the Y.Text: src/ui gets an editor extension, never the
 * document.
 */
export interface ScriptBinding {
  /** The text to start the editor with. */
  readonly text: string;
  readonly extension: Extension;
}

/** Marks editor changes that came from the document, so they are not written back. */
const fromDocument = Annotation.define<boolean>();

export function scriptBinding(
  session: ProjectSession,
  awareness: Awareness | null,
): ScriptBinding | null {
  const ytext = scriptTextOf(documentOf(session));
  if (!ytext) return null;
  const extension: Extension[] = [
    textSync(session, ytext),
    // The project's undo, not the editor's: it takes back only this person's edits, and the
    // same steps the boards' undo button takes.
    Prec.high(
      keymap.of([
        { key: 'Mod-z', run: () => (session.undo(), true), preventDefault: true },
        { key: 'Mod-y', run: () => (session.redo(), true), preventDefault: true },
        { key: 'Mod-Shift-z', run: () => (session.redo(), true), preventDefault: true },
      ]),
    ),
  ];
  if (awareness) {
    extension.push(
      ySyncFacet.of(new YSyncConfig(ytext, scriptAwareness(awareness))),
      yRemoteSelectionsTheme,
      yRemoteSelections,
      clearCursorOnClose(awareness),
    );
  }
  return { text: ytext.toString(), extension };
}

function textSync(session: ProjectSession, ytext: Y.Text): Extension {
  return ViewPlugin.define((view) => {
    let writing = false;
    const observer = (event: Y.YTextEvent) => {
      if (writing) return;
      const changes: { from: number; to: number; insert: string }[] = [];
      let pos = 0;
      for (const d of event.delta) {
        if (d.insert !== undefined) {
          // An embed (never written by Frameline) still takes one place in the text.
          const insert = typeof d.insert === 'string' ? d.insert : '\uFFFC';
          changes.push({ from: pos, to: pos, insert });
        } else if (d.delete !== undefined) {
          changes.push({ from: pos, to: pos + d.delete, insert: '' });
          pos += d.delete;
        } else if (d.retain !== undefined) pos += d.retain;
      }
      view.dispatch({
        changes,
        annotations: [fromDocument.of(true), Transaction.addToHistory.of(false)],
      });
    };
    ytext.observe(observer);
    return {
      update(update: ViewUpdate) {
        if (!update.docChanged) return;
        if (update.transactions.some((tr) => tr.annotation(fromDocument) === true)) return;
        const changes: { from: number; to: number; insert: string }[] = [];
        update.changes.iterChanges((from, to, _fromB, _toB, inserted) => {
          changes.push({ from, to, insert: inserted.toString() });
        });
        writing = true;
        const result = session.run('script/edit', { changes });
        writing = false;
        // Refused (the project turned read-only meanwhile): show the text as it is.
        if (!result.ok) queueMicrotask(() => resetTo(view, ytext.toString()));
      },
      destroy() {
        ytext.unobserve(observer);
      },
    };
  });
}

function resetTo(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    annotations: [fromDocument.of(true), Transaction.addToHistory.of(false)],
  });
}

/**
 * The room's awareness as y-codemirror.next reads it, with the script cursor under its own key
 * (`scriptCursor`: presence's `cursor` is the pointer over the boards), and only what parses as
 * presence from peers (a hostile state is left out, as everywhere else).
 */
function scriptAwareness(awareness: Awareness) {
  return {
    get doc() {
      return awareness.doc;
    },
    getLocalState() {
      const state = awareness.getLocalState() as { scriptCursor?: unknown } | null;
      return state ? { ...state, cursor: state.scriptCursor ?? null } : null;
    },
    setLocalStateField(field: string, value: unknown) {
      if (field === 'cursor') awareness.setLocalStateField('scriptCursor', value);
    },
    getStates() {
      const states = new Map<number, { user: { name: string; color: string }; cursor: unknown }>();
      awareness.getStates().forEach((raw, clientId) => {
        if (clientId === awareness.clientID) return;
        const presence = parsePresence(raw);
        if (!presence?.scriptCursor) return;
        states.set(clientId, {
          user: { name: presence.user.name, color: presence.user.color },
          cursor: presence.scriptCursor,
        });
      });
      return states;
    },
    on: awareness.on.bind(awareness),
    off: awareness.off.bind(awareness),
  };
}

/** Leaving the script, nobody should still see a cursor there. */
function clearCursorOnClose(awareness: Awareness): Extension {
  return ViewPlugin.define(() => ({
    destroy() {
      if (awareness.getLocalState()) awareness.setLocalStateField('scriptCursor', null);
    },
  }));
}
