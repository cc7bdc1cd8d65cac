import { BOARD_SIZE_LABELS, BOARD_SIZES, type BoardSize } from './boardSizes';

/** Small, medium or large boards: a row of three toggle buttons. */
export function BoardSizeControl({
  value,
  onChange,
}: {
  readonly value: BoardSize;
  readonly onChange: (size: BoardSize) => void;
}) {
  return (
    <div className="segmented board-size" role="group" aria-label="Board size">
      {BOARD_SIZES.map((size) => (
        <button
          key={size}
          type="button"
          className={`segment${size === value ? ' current' : ''}`}
          aria-pressed={size === value}
          onClick={() => onChange(size)}
        >
          {BOARD_SIZE_LABELS[size]}
        </button>
      ))}
    </div>
  );
}
