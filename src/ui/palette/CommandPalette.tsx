import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { SearchClient, SearchHit } from '../../search/searchClient';
import { Dialog } from '../common/Dialog';
import './palette.css';
import { jumpTo } from './jumpTo';
import { availableCommands, matchCommands } from './paletteCommands';
import { paletteGroups, resultCount, type PaletteItem } from './paletteResults';
import { freshSearch } from './searchService';

/** Results asked of the worker per query; the groups show PER_GROUP of each kind. */
const HITS_ASKED = 40;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Ctrl/Cmd+K: one field that finds projects, scenes, shots (by any line of their dialogue,
 * action, notes…) and comments across every project, and runs the app's commands. A combobox
 * over a grouped listbox: arrows move, Enter runs or jumps, Escape closes; the count is
 * announced. Loaded the first time it opens (PaletteHost.tsx).
 */
export function CommandPalette({ onClose }: { readonly onClose: () => void }) {
  const [commands] = useState(availableCommands);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<SearchClient | null>(null);
  const [found, setFound] = useState<{ query: string; hits: readonly SearchHit[] }>({
    query: '',
    hits: [],
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();

  // The index brought up to date (what is open here, what changed elsewhere) before it answers.
  useEffect(() => {
    let live = true;
    freshSearch().then(
      (client) => live && setSearch(client),
      (error: unknown) => live && setFailure(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  const typed = query.trim();
  useEffect(() => {
    if (!search || typed === '') return;
    let live = true;
    search.search(typed, HITS_ASKED).then(
      (hits) => live && setFound({ query: typed, hits }),
      (error: unknown) => live && setFailure(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [search, typed]);

  const groups = useMemo(() => {
    // Results of an older query are not shown under a newer one (Enter would go to the wrong shot).
    const hits = typed !== '' && found.query === typed ? found.hits : [];
    return paletteGroups(matchCommands(typed, commands), hits);
  }, [typed, commands, found]);
  const items = groups.flatMap((group) => group.items);
  const current = Math.min(active, items.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    if (current >= 0)
      document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    // After the dialog has closed and given focus back, so the command's own dialog, or the
    // board it jumps to, gets the focus.
    setTimeout(() => {
      if (item.kind === 'command') item.command.run();
      else jumpTo(item.hit);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = items.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((Math.max(current, 0) + step + count) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(items[current]);
    }
  };

  const searching = typed !== '' && !failure && (search === null || found.query !== typed);
  const status = failure
    ? `Search failed: ${failure}`
    : searching
      ? search === null
        ? 'Reading your projects…'
        : 'Searching…'
      : resultCount(groups, typed);

  // Each group's first option's place in the whole list (options are numbered across groups).
  const starts = groups.map((_, g) =>
    groups.slice(0, g).reduce((sum, group) => sum + group.items.length, 0),
  );
  return (
    <Dialog title="Command palette" onClose={onClose} className="command-palette">
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-label="Search projects, scenes, shots and commands"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder="Find a project, scene, shot or line of dialogue, or run a command"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="Results" className="palette-list">
        {groups.map((group, g) => (
          <div key={group.label} role="group" aria-label={group.label} className="palette-group">
            <p className="palette-group-label" aria-hidden="true">
              {group.label}
            </p>
            {group.items.map((item, n) => {
              const i = (starts[g] ?? 0) + n;
              return (
                <div
                  key={item.key}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === current}
                  className={i === current ? 'palette-option active' : 'palette-option'}
                  // The input keeps the focus (and the caret) while the pointer picks.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => i !== current && setActive(i)}
                  onClick={() => choose(item)}
                >
                  <OptionBody item={item} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="palette-footer muted" role="status" aria-live="polite">
        <span>{status}</span>
        <span aria-hidden="true">↑↓ move · Enter open · Esc close</span>
      </p>
    </Dialog>
  );
}

function OptionBody({ item }: { readonly item: PaletteItem }) {
  if (item.kind === 'command') {
    return (
      <>
        <span className="palette-label">{item.command.label}</span>
        {item.command.shortcut ? (
          <kbd className="palette-where">{item.command.shortcut}</kbd>
        ) : null}
      </>
    );
  }
  const { hit } = item;
  return (
    <>
      <span className="palette-label">{hit.label}</span>
      {hit.kind === 'project' ? null : <span className="palette-where">{hit.projectTitle}</span>}
      {hit.snippet ? <span className="palette-snippet">{hit.snippet}</span> : null}
    </>
  );
}
