import { useRef, useState } from 'react';

interface Props {
  readonly value: string;
  /** The field's accessible name ("Heading of scene 3"). */
  readonly label: string;
  readonly onCommit: (value: string) => void;
  /** Editing ended, committed or not. */
  readonly onDone: () => void;
  readonly className?: string;
  readonly maxLength?: number;
}

/**
 * A text field that replaces a label while it is edited: Enter or leaving it commits (when the
 * text changed and is not blank), Escape puts the old text back. One commit, so one undo step.
 */
export function InlineEdit({ value, label, onCommit, onDone, className, maxLength }: Props) {
  const [draft, setDraft] = useState(value);
  // Enter removes the field, and removing it may blur it: commit once.
  const finished = useRef(false);
  const finish = (commit: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const text = draft.trim();
    if (commit && text !== '' && text !== value) onCommit(text);
    onDone();
  };
  return (
    <input
      className={`inline-edit${className ? ` ${className}` : ''}`}
      aria-label={label}
      value={draft}
      maxLength={maxLength}
      // Opened on purpose by the person, so taking focus is what they expect.
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
    />
  );
}
