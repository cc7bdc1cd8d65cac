import type { Extension } from '@codemirror/state';

/**
 * A shared text to write in instead of `value`/`onChange` (sync/scriptBinding.ts): the editor
 * starts with `text` and the extension keeps it and the project's script one text.
 */
export interface ScriptEditorBinding {
  readonly text: string;
  readonly extension: Extension;
}

/** What ScriptEditor takes (apart, so its lazily loaded view can use it without a cycle). */
export interface ScriptEditorProps {
  /** The script as Fountain. The editor follows it when it changes from outside. */
  readonly value: string;
  /** Called with the whole text after each change the person makes. */
  readonly onChange: (text: string) => void;
  /** The accessible name of the text area. */
  readonly label: string;
  readonly readOnly?: boolean;
  /** Names to complete besides those the script already has (the project's cast). */
  readonly characters?: readonly string[];
  /** The outline of scenes beside the text, and the page and time estimate under it (default on). */
  readonly outline?: boolean;
  /** Bound to the project's shared script: `value` and `onChange` are then not used. */
  readonly binding?: ScriptEditorBinding;
}
