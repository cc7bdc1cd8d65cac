import { memo } from 'react';
import type { OutlineEntry } from '../../script/fountain/tokens';

interface Props {
  readonly entries: readonly OutlineEntry[];
  /** The 1-based line of the cursor: the scene it is in is marked. */
  readonly cursorLine: number;
  readonly onJump: (entry: OutlineEntry) => void;
}

/** The script's sections and scenes; a click (or Enter) puts the cursor there. */
export const ScriptOutline = memo(function ScriptOutline({ entries, cursorLine, onJump }: Props) {
  let current = -1;
  entries.forEach((entry, index) => {
    if (entry.line <= cursorLine) current = index;
  });
  let scene = 0;
  return (
    <nav className="script-outline" aria-label="Script outline">
      {entries.length === 0 ? (
        <p className="muted small">Scenes appear here as you write headings.</p>
      ) : null}
      <ol>
        {entries.map((entry, index) => {
          if (entry.kind === 'scene') scene++;
          return (
            <li key={`${entry.line}:${entry.text}`} className={`outline-${entry.kind}`}>
              <button
                type="button"
                className="outline-entry"
                aria-current={index === current ? 'location' : undefined}
                data-depth={entry.depth}
                onClick={() => onJump(entry)}
              >
                {entry.kind === 'scene' ? (
                  <span className="outline-number">{entry.sceneNumber ?? scene}</span>
                ) : null}
                <span className="outline-text">{entry.text || '(untitled)'}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
