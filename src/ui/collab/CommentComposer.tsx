import { useId, useState } from 'react';
import { COMMENT_MAX_CHARS } from '../../model/comment';
import type { Participant } from '../../model/participant';
import { Avatar } from './Avatar';

interface Props {
  readonly label: string;
  readonly submitLabel: string;
  readonly participants: readonly Participant[];
  readonly disabled: boolean;
  readonly onSubmit: (body: string) => Promise<void>;
}

/** The @word being typed at the caret, if any. */
function mentionQuery(text: string, caret: number): string | null {
  const match = /(?:^|\s)@([\p{L}\p{N} ._-]{0,30})$/u.exec(text.slice(0, caret));
  return match ? (match[1] ?? '') : null;
}

/**
 * A comment box. Typing `@` offers the people in the room and past commenters; picking one
 * writes `@Name`, which the comment stores as a mention of their key.
 */
export function CommentComposer({ label, submitLabel, participants, disabled, onSubmit }: Props) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const query = mentionQuery(text, caret);
  const suggestions =
    query === null
      ? []
      : participants
          .filter((p) => p.name.toLowerCase().startsWith(query.trim().toLowerCase()))
          .slice(0, 5);

  const pick = (person: Participant) => {
    const before = text.slice(0, caret).replace(/@[^@]*$/, `@${person.name} `);
    setText(before + text.slice(caret));
    setCaret(before.length);
  };

  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      await onSubmit(text);
      setText('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        aria-label={label}
        placeholder={`${label} (@ to mention)`}
        rows={2}
        maxLength={COMMENT_MAX_CHARS}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit();
        }}
        aria-controls={suggestions.length > 0 ? listId : undefined}
      />
      {suggestions.length > 0 ? (
        <ul id={listId} className="mention-list" aria-label="Mention someone">
          {suggestions.map((person) => (
            <li key={person.publicKey}>
              <button type="button" className="button quiet" onClick={() => pick(person)}>
                <Avatar person={person} size="small" /> {person.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="composer-actions">
        <button className="button" type="submit" disabled={disabled || busy || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
