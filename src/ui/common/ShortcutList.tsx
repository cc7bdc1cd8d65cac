/** A key (or keys) and what it does, as the shortcut sheets list them. */
export type Shortcut = readonly [keys: string, what: string];

/** A titled group of shortcuts, as a description list (keys, then what they do). */
export function ShortcutList({
  title,
  shortcuts,
}: {
  readonly title?: string;
  readonly shortcuts: readonly Shortcut[];
}) {
  return (
    <section className="shortcut-group" aria-label={title}>
      {title ? <h3>{title}</h3> : null}
      <dl>
        {shortcuts.map(([keys, what]) => (
          <div key={`${keys}:${what}`} className="shortcut-row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
