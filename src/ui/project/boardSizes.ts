import type { GridMetrics } from './boardLayout';

/** The thumbnail sizes the grid offers; remembered per browser, not in the project. */
export const BOARD_SIZES = ['small', 'medium', 'large'] as const;
export type BoardSize = (typeof BOARD_SIZES)[number];

export const BOARD_SIZE_LABELS: Record<BoardSize, string> = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
};

interface SizeSpec {
  /** The narrowest a board gets before a column goes; boards stretch to fill the row. */
  readonly minWidthPx: number;
  readonly gapPx: number;
  readonly paddingPx: number;
  readonly captionPx: number;
  /** Lines of action or dialogue under the frame. */
  readonly snippetLines: number;
}

const SPECS: Record<BoardSize, SizeSpec> = {
  small: { minWidthPx: 120, gapPx: 10, paddingPx: 5, captionPx: 18, snippetLines: 1 },
  medium: { minWidthPx: 200, gapPx: 16, paddingPx: 8, captionPx: 20, snippetLines: 2 },
  large: { minWidthPx: 300, gapPx: 16, paddingPx: 8, captionPx: 20, snippetLines: 2 },
};

const BORDER_PX = 1;
/** Between the frame, the caption and the snippet. */
const INNER_GAP_PX = 4;
const SNIPPET_LINE_PX = 16;
/** A scene header: one line of controls and the space under it. */
const HEADER_PX = 44;
const SCENE_GAP_PX = 16;
/** The narrowest a scene sharing a row gets, so its number, heading and buttons fit. */
const HEADER_MIN_PX = 340;
/** The project's frame shape (width / height) when none is given. */
const DEFAULT_FRAME_ASPECT = 16 / 9;

export interface BoardGeometry {
  readonly metrics: GridMetrics;
  readonly boardWidth: number;
  readonly gap: number;
  /** Custom properties for the grid's CSS (boards.css). */
  readonly style: Record<string, string>;
}

/** Columns and pixel sizes for a grid `width` px wide at `size`. */
export function boardGeometry(
  size: BoardSize,
  width: number,
  /** The project's aspect ratio (width / height): board frames have its shape. */
  frameAspect: number = DEFAULT_FRAME_ASPECT,
): BoardGeometry {
  const spec = SPECS[size];
  const gap = spec.gapPx;
  const columns = Math.max(1, Math.floor((Math.max(0, width) + gap) / (spec.minWidthPx + gap)));
  const boardWidth = Math.max(spec.minWidthPx, (width - gap * (columns - 1)) / columns);
  const frame = Math.round((boardWidth - 2 * (spec.paddingPx + BORDER_PX)) / frameAspect);
  const snippet = spec.snippetLines * SNIPPET_LINE_PX;
  const boardHeight =
    2 * (spec.paddingPx + BORDER_PX) +
    frame +
    INNER_GAP_PX +
    spec.captionPx +
    INNER_GAP_PX +
    snippet;
  return {
    boardWidth,
    gap,
    metrics: {
      columns,
      boardHeight,
      headerHeight: HEADER_PX,
      rowGap: gap,
      sceneGap: SCENE_GAP_PX,
      minSpan: Math.ceil((HEADER_MIN_PX + gap) / (boardWidth + gap)),
    },
    style: {
      '--board-w': `${boardWidth}px`,
      '--board-h': `${boardHeight}px`,
      '--board-gap': `${gap}px`,
      '--board-pad': `${spec.paddingPx}px`,
      '--frame-h': `${frame}px`,
      '--caption-h': `${spec.captionPx}px`,
      '--snippet-lines': String(spec.snippetLines),
      '--snippet-h': `${snippet}px`,
      '--header-h': `${HEADER_PX}px`,
    },
  };
}

const STORAGE_KEY = 'frameline.boardSize';

export function savedBoardSize(): BoardSize {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return BOARD_SIZES.find((s) => s === saved) ?? 'medium';
  } catch {
    return 'medium';
  }
}

export function saveBoardSize(size: BoardSize): void {
  try {
    localStorage.setItem(STORAGE_KEY, size);
  } catch {
    // Storage refused (private mode, quota): the size holds for this page only.
  }
}
