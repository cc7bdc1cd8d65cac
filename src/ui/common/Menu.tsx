import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
  /** Shown beside the label, e.g. `Ctrl+D`. */
  readonly shortcut?: string;
  readonly disabled?: boolean;
  readonly danger?: boolean;
}

export type MenuEntry = MenuItem | 'separator';

interface Props {
  /** The menu's accessible name ("Shot 3A"). */
  readonly label: string;
  readonly entries: readonly MenuEntry[];
  /** Where the menu's top left corner goes (viewport pixels); it is kept inside the window. */
  readonly at: { readonly x: number; readonly y: number };
  readonly onClose: () => void;
}

const EDGE_PX = 8;

/**
 * A popup menu (a context menu or a "⋯" button's): the first item has focus, arrows move, Enter
 * or a click picks, Escape, Tab or a click elsewhere closes, and focus goes back to where it was.
 */
/** The items that can be picked, in order. */
function enabledItems(menu: HTMLElement | null): HTMLButtonElement[] {
  const all = menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [];
  return [...all].filter((item) => !item.disabled);
}

export function Menu({ label, entries, at, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState(at);

  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setPlace({
      x: Math.max(EDGE_PX, Math.min(at.x, window.innerWidth - box.width - EDGE_PX)),
      y: Math.max(EDGE_PX, Math.min(at.y, window.innerHeight - box.height - EDGE_PX)),
    });
  }, [at]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    enabledItems(ref.current)[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      // Back to the opener, unless what was picked put focus somewhere on purpose (a field).
      const now = document.activeElement;
      if ((now === null || now === document.body) && previous?.isConnected) previous.focus();
    };
    // Opened once per mount: the handlers below close it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = enabledItems(ref.current);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return createPortal(
    <div
      ref={ref}
      className="menu panel"
      role="menu"
      aria-label={label}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {entries.map((entry, i) =>
        entry === 'separator' ? (
          <hr key={`separator-${i}`} className="menu-separator" />
        ) : (
          <button
            key={entry.label}
            type="button"
            role="menuitem"
            className={`menu-item${entry.danger ? ' danger' : ''}`}
            disabled={entry.disabled}
            onClick={() => {
              onClose();
              entry.onSelect();
            }}
          >
            <span>{entry.label}</span>
            {entry.shortcut ? <kbd className="menu-shortcut">{entry.shortcut}</kbd> : null}
          </button>
        ),
      )}
    </div>,
    document.body,
  );
}
