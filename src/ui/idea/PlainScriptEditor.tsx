import { useId } from 'react';

export interface ScriptEditorProps {
  readonly value: string;
  onChange(text: string): void;
  readonly label: string;
  readonly readOnly?: boolean;
}

/**
 * A plain text area with the props of the Fountain editor (src/ui/script/ScriptEditor.tsx, when
 * it lands): the wizard imports it under that name in one place, so switching is one line.
 */
export function PlainScriptEditor({ value, onChange, label, readOnly = false }: ScriptEditorProps) {
  const id = useId();
  return (
    <div className="field idea-script">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      <textarea
        id={id}
        value={value}
        readOnly={readOnly}
        spellCheck
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
