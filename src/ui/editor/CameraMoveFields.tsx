import { CAMERA_MOVE_LABELS, CAMERA_MOVES, type CameraMove } from '../../model/drawingMarks';
import type { CameraMark } from './canvas/tools';

interface Props {
  readonly value: CameraMark;
  readonly onChange: (value: CameraMark) => void;
}

/** The camera-move tool's options: which move, and the label written beside the arrow. */
export function CameraMoveFields({ value, onChange }: Props) {
  return (
    <div className="editor-camera">
      <label className="editor-field editor-select">
        <span>Move</span>
        <select
          aria-label="Kind of camera move"
          value={value.move}
          onChange={(e) => {
            const move = e.target.value as CameraMove;
            // A label still at its default follows the move; one the artist typed stays.
            const label =
              value.label === CAMERA_MOVE_LABELS[value.move]
                ? CAMERA_MOVE_LABELS[move]
                : value.label;
            onChange({ move, label });
          }}
        >
          {CAMERA_MOVES.map((move) => (
            <option key={move} value={move}>
              {CAMERA_MOVE_LABELS[move]}
            </option>
          ))}
        </select>
      </label>
      <label className="editor-field editor-select">
        <span>Label</span>
        <input
          type="text"
          aria-label="Arrow label"
          maxLength={40}
          value={value.label}
          placeholder="None"
          onChange={(e) => onChange({ ...value, label: e.target.value })}
        />
      </label>
    </div>
  );
}
