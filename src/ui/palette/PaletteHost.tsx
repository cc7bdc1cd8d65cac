import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { closePalette, isPaletteKey, openPalette, paletteStore } from './paletteStore';

// Loaded the first time it opens: the search client and the palette stay out of the first page.
const CommandPalette = lazy(async () => ({
  default: (await import('./CommandPalette')).CommandPalette,
}));

/** Ctrl/Cmd+K anywhere opens the command palette (and closes it again); renders it when open. */
export function PaletteHost() {
  const open = useSyncExternalStore(paletteStore.subscribe, paletteStore.get);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Handled already (an editor's own keymap), or another dialog owns the keyboard.
      if (e.defaultPrevented || !isPaletteKey(e)) return;
      if (!paletteStore.get() && document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      if (paletteStore.get()) closePalette();
      else openPalette();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Suspense fallback={null}>{open ? <CommandPalette onClose={closePalette} /> : null}</Suspense>
  );
}

/** The header's way in, for the pointer and to show the shortcut. */
export function PaletteButton() {
  return (
    <button
      className="button quiet palette-button"
      type="button"
      aria-keyshortcuts="Control+K Meta+K"
      onClick={openPalette}
    >
      Search <kbd>Ctrl K</kbd>
    </button>
  );
}
