import { useEffect, type RefObject } from 'react';
import { pushModal } from './modalStack';

/**
 * A full-screen layer that lives inside the app (the frame editor, play mode): while it is open
 * everything around it is inert, so Tab and a screen reader never reach the app it covers, and
 * dialogs opened from it stack above it (modalStack.ts).
 */
export function useModalLayer(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const layer = ref.current;
    return layer ? pushModal(layer) : undefined;
  }, [ref]);
}
