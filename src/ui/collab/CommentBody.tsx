import type { Participant } from '../../model/participant';

/** The text with @mentions of known people set off. */
export function CommentBody({ body, people }: { body: string; people: readonly Participant[] }) {
  const names = [...new Set(people.map((p) => p.name))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return <p className="comment-body">{body}</p>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = body.split(new RegExp(`(@(?:${escaped.join('|')}))`, 'giu'));
  return (
    <p className="comment-body">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </p>
  );
}
