import { useLayoutEffect, useState, type RefObject } from 'react';
import { toastPlace, type Box, type ToastPlace } from './toastPlacement';

const EDITABLE = 'input, textarea, select, [contenteditable="true"], [contenteditable=""]';

/**
 * The box of what is being edited: the focused control, or in a long text (the script editor)
 * the caret's line, so a toast dodges where the person types rather than the whole editor.
 */
function editedBox(): Box | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches(EDITABLE)) return null;
  if (active.isContentEditable) {
    const selection = document.getSelection();
    const caret =
      selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getClientRects()[0] : null;
    if (caret) return caret;
  }
  return active.getBoundingClientRect();
}

/**
 * Keeps the toasts' column off the field being edited (toastPlacement.ts): worked out when the
 * toasts change, and again on focus, caret, scroll and resize while any are shown.
 */
export function useToastPlace(
  column: RefObject<HTMLElement | null>,
  toasts: readonly unknown[],
): ToastPlace {
  const [place, setPlace] = useState<ToastPlace>('bottom');
  useLayoutEffect(() => {
    const element = column.current;
    if (!element || toasts.length === 0) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      const view = { width: window.innerWidth, height: window.innerHeight };
      setPlace(toastPlace(editedBox(), { width, height }, view));
    };
    // Before the first paint, so a new toast never flashes over the field.
    measure();
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    const events = ['focusin', 'focusout', 'resize'] as const;
    for (const name of events) window.addEventListener(name, later);
    window.addEventListener('scroll', later, true);
    document.addEventListener('selectionchange', later);
    return () => {
      cancelAnimationFrame(frame);
      for (const name of events) window.removeEventListener(name, later);
      window.removeEventListener('scroll', later, true);
      document.removeEventListener('selectionchange', later);
    };
  }, [column, toasts]);
  return place;
}
