import { useEffect } from 'react';
import { anyModalOpen } from '../common/modalStack';
import { cycleRegion } from './regions';

/** Where typed characters are text, not shortcuts. */
const TYPING = 'input, textarea, select, [contenteditable="true"], .cm-content';

/**
 * Page-wide keys: F6 / Shift+F6 move between the page's regions (regions.ts), ? opens the
 * shortcut sheet. Both stand aside while a dialog or full-screen layer (the frame editor, with
 * its own ?) is open, and ? while a field has the keyboard.
 */
export function usePageKeys(onShortcuts: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || anyModalOpen()) return;
      if (e.key === 'F6' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        cycleRegion(e.shiftKey);
      } else if (e.key === '?' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        if ((e.target as HTMLElement | null)?.closest?.(TYPING)) return;
        e.preventDefault();
        onShortcuts();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onShortcuts]);
}
