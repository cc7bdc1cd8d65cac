import { useEffect, useLayoutEffect, useRef } from 'react';
import { providePaletteCommands, type PaletteHandlers } from './paletteCommands';

/**
 * Offers `handlers` to the command palette while the calling component is mounted. The palette
 * reads the newest handlers when it opens; registering once keeps their order stable (a project
 * view mounted after the header overrides the header's handler for the same command).
 */
export function usePaletteCommands(handlers: PaletteHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => providePaletteCommands(() => latest.current), []);
}
