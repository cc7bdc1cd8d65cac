import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layoutBoards, rowsWithin, type BoardLayout } from './boardLayout';
import { boardGeometry, type BoardGeometry, type BoardSize } from './boardSizes';

/** Rows this far (px) above and below the viewport stay mounted, so a scroll shows no gap. */
const OVERSCAN_PX = 700;
/** The scroll position is followed in steps this big: rows mount a few at a time, not per frame. */
const STEP_PX = 160;

export interface BoardWindow {
  /** The scrolling pane. */
  readonly paneRef: React.RefObject<HTMLElement | null>;
  /** The grid inside it: as high as every row, with only the mounted ones in it. */
  readonly gridRef: React.RefObject<HTMLDivElement | null>;
  readonly geometry: BoardGeometry;
  readonly layout: BoardLayout;
  /** Mounted rows, as a half-open range of row indices. */
  readonly range: readonly [number, number];
  /** The pane's visible height, in px. */
  readonly viewportHeight: number;
}

/**
 * Lays the grid out for the pane's width and follows its scrolling, so only the rows near the
 * viewport are mounted (a 5,000-shot project mounts a few dozen boards, not 5,000).
 */
export function useBoardWindow(
  sizes: readonly number[],
  size: BoardSize,
  /** False while the grid is not rendered (an empty project). */
  shown: boolean,
  /** The project's aspect ratio (width / height). */
  frameAspect?: number,
): BoardWindow {
  const paneRef = useRef<HTMLElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [view, setView] = useState({ top: 0, height: 900 });

  useLayoutEffect(() => {
    const pane = paneRef.current;
    const grid = gridRef.current;
    if (!pane || !grid) return;
    const measure = () => {
      // Where the grid starts inside the pane's scrolled content (below the toolbar).
      const gridTop =
        grid.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      const top = Math.floor((pane.scrollTop - gridTop) / STEP_PX) * STEP_PX;
      const height = pane.clientHeight;
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    const resize = new ResizeObserver(() => {
      setWidth(grid.clientWidth);
      measure();
    });
    resize.observe(grid);
    resize.observe(pane);
    pane.addEventListener('scroll', measure, { passive: true });
    setWidth(grid.clientWidth);
    measure();
    return () => {
      resize.disconnect();
      pane.removeEventListener('scroll', measure);
    };
  }, [shown]);

  const geometry = useMemo(
    () => boardGeometry(size, width, frameAspect),
    [size, width, frameAspect],
  );
  const layout = useMemo(() => layoutBoards(sizes, geometry.metrics), [sizes, geometry]);
  const [from, to] = rowsWithin(
    layout,
    view.top - OVERSCAN_PX,
    view.top + STEP_PX + view.height + OVERSCAN_PX,
  );
  const range = useMemo(() => [from, to] as const, [from, to]);
  return { paneRef, gridRef, geometry, layout, range, viewportHeight: view.height };
}
