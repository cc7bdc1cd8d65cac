import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  readonly value: string;
  readonly onCommit: (value: string) => void;
};

/**
 * An input that edits a draft and commits on Enter or leaving the field. For values where every
 * keystroke is not a valid value (numbers mid-typing: "2." or ""), so the document only ever
 * holds finished values. Escape restores the saved value.
 */
export function CommitInput({ value, onCommit, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      {...rest}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
