import { useEffect } from 'react';
import type { ImageLayers } from './useImageLayers';

/**
 * Ctrl+V of a picture while the editor is open puts it on a new image layer (the board's own
 * paste handler is for the boards and the inspector, which the editor covers). A paste into a
 * text field stays text.
 */
export function usePastedPictures(pictures: ImageLayers, disabled: boolean): void {
  useEffect(() => {
    if (disabled) return;
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      void file.arrayBuffer().then((b) => pictures.addBytes(new Uint8Array(b), 'Pasted image'));
    };
    // Capture, so the board's own paste handler underneath never sees it.
    window.addEventListener('paste', onPaste, true);
    return () => window.removeEventListener('paste', onPaste, true);
  }, [pictures, disabled]);
}
