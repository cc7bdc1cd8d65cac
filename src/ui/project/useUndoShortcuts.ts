import { useEffect } from 'react';
import type { ProjectSession } from '../../store';

/**
 * Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo — except inside a text field, where the
 * browser's own text undo is what the user means, and while a modal dialog is open.
 */
export function useUndoShortcuts(session: ProjectSession) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Handled already (the script editor runs the same undo from its own keymap).
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      // A dialog over the boards (a version preview, settings) owns the keyboard.
      if (document.querySelector('[aria-modal="true"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) session.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') session.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}
