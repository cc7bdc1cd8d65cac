/** Whether the command palette is open: a tiny store, so a header button and Ctrl+K share it. */
let open = false;
const listeners = new Set<() => void>();

const set = (next: boolean) => {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
};

export const paletteStore = {
  get: (): boolean => open,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const openPalette = () => set(true);
export const closePalette = () => set(false);

/** Ctrl+K (Cmd+K on a Mac), without Shift or Alt: Ctrl+Shift+K splits a focused board. */
export function isPaletteKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k';
}
