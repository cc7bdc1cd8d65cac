import { memo, useId, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { SHOT_TYPE_LABELS } from '../../model/camera';
import type { SceneId, ShotId } from '../../model/ids';
import type { Shot } from '../../model/shot';
import { formatDuration } from '../../model/units';
import { BoardPresence } from '../collab/BoardPresence';
import { useAssetUrl } from '../common/useAssetUrl';
import { carriesFiles, picturesOfDrop } from '../common/pictureFiles';
import { openFrameEditor } from '../editor/editorLauncher';

/** The drag payload type; other drags (files, text) are ignored by the boards. */
export const SHOT_DRAG_TYPE = 'application/x-frameline-shot';

/**
 * Handlers take the shot's id, so a grid passes the same functions to every board and a board
 * renders again only when its own shot or its selection changed (it is memoised).
 */
interface Props {
  readonly shot: Shot;
  /** In the board's selection (one or many). */
  readonly selected: boolean;
  /** The shot the inspector shows. */
  readonly current: boolean;
  readonly onSelect: (shotId: ShotId, e: MouseEvent<HTMLButtonElement> | null) => void;
  readonly onKeyDown: (shotId: ShotId, e: KeyboardEvent<HTMLButtonElement>) => void;
  readonly onDropShot: (movingId: string, targetId: ShotId, side: 'before' | 'after') => void;
  /** The shot's menu (right click, the menu key). */
  readonly onContextMenu?: (shotId: ShotId, e: MouseEvent<HTMLButtonElement>) => void;
  /** Picture files dropped on this board (usePictures.ts): they start here. */
  readonly onDropPictures?: (sceneId: SceneId, startShotId: ShotId | null, files: File[]) => void;
}

function snippet(shot: Shot): string {
  const line = shot.dialogue[0];
  if (line) return `${line.speaker}: ${line.line}`;
  return shot.action;
}

/**
 * What a screen reader says after the board's name ("Shot 3A"): the caption in words, then the
 * line or action. The caption itself is hidden from it ("CU", "2.5s" read badly), and the name
 * stays the number alone, so "Shot 3A" is how people and tests find a board.
 */
function spokenDescription(shot: Shot): string {
  const parts = [
    SHOT_TYPE_LABELS[shot.shotType],
    `${(shot.durationMs / 1000).toFixed(1)} seconds`,
    ...(shot.omitted ? ['omitted'] : []),
    ...(shot.clipHash !== null ? ['plays a clip'] : []),
  ];
  return `${parts.join(', ')}. ${snippet(shot) || 'No action or dialogue.'}`;
}

export const Board = memo(function Board(props: Props) {
  const {
    shot,
    selected,
    current,
    onSelect,
    onKeyDown,
    onDropShot,
    onContextMenu,
    onDropPictures,
  } = props;
  const url = useAssetUrl(shot.frameHash);
  const descriptionId = useId();
  const [dropSide, setDropSide] = useState<'before' | 'after' | 'files' | null>(null);

  const sideOf = (e: DragEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientX < box.left + box.width / 2 ? 'before' : 'after';
  };

  return (
    <>
      <button
        type="button"
        className={`board${selected ? ' selected' : ''}${current ? ' current' : ''}${shot.omitted ? ' omitted' : ''}${dropSide ? ` drop-${dropSide}` : ''}`}
        aria-label={`Shot ${shot.number}`}
        aria-describedby={descriptionId}
        aria-current={current ? 'true' : undefined}
        // One tab stop for the whole grid (the board in the inspector); arrows move between boards,
        // so Tab leaves the grid for the inspector instead of walking through every board.
        tabIndex={current ? 0 : -1}
        data-region-start={current ? '' : undefined}
        data-shot-id={shot.id}
        draggable
        onClick={(e) => onSelect(shot.id, e)}
        onDoubleClick={() => openFrameEditor(shot.id)}
        onFocus={() => onSelect(shot.id, null)}
        onKeyDown={(e) => onKeyDown(shot.id, e)}
        onContextMenu={onContextMenu && ((e) => onContextMenu(shot.id, e))}
        onDragStart={(e) => {
          e.dataTransfer.setData(SHOT_DRAG_TYPE, shot.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(e) => {
          if (onDropPictures && carriesFiles(e.dataTransfer)) {
            e.preventDefault();
            setDropSide('files');
            return;
          }
          if (!e.dataTransfer.types.includes(SHOT_DRAG_TYPE)) return;
          e.preventDefault();
          setDropSide(sideOf(e));
        }}
        onDragLeave={() => setDropSide(null)}
        onDrop={(e) => {
          setDropSide(null);
          const pictures = onDropPictures ? picturesOfDrop(e.dataTransfer) : [];
          if (onDropPictures && pictures.length > 0) {
            // Handled here: the app-wide drop (screenplays, projects) must not see it too.
            e.preventDefault();
            e.stopPropagation();
            onDropPictures(shot.sceneId, shot.id, pictures);
            return;
          }
          const moving = e.dataTransfer.getData(SHOT_DRAG_TYPE);
          if (!moving) return;
          e.preventDefault();
          onDropShot(moving, shot.id, sideOf(e));
        }}
      >
        <span id={descriptionId} className="visually-hidden">
          {spokenDescription(shot)}
        </span>
        <span className="board-frame">
          {url ? (
            <img src={url} alt="" draggable={false} decoding="async" />
          ) : (
            <span className="board-placeholder" data-text="Sketching…" />
          )}
        </span>
        <BoardPresence shotId={shot.id} />
      </button>
      {/* The caption and the line sit over the lower part of the button but outside it: inside,
        they would be text a speech user sees and cannot say, because the button's name is
        "Shot 3A" (axe: label-content-name-mismatch). A screen reader hears them in words from
        the description above. Clicks go through them to the button. */}
      <span className="board-text" aria-hidden="true">
        <span className="board-caption">
          <span className="board-number">{shot.number}</span>
          <span className="board-type" title={SHOT_TYPE_LABELS[shot.shotType]}>
            {shot.shotType}
          </span>
          {shot.omitted ? <span className="omitted-badge">OMITTED</span> : null}
          {shot.clipHash !== null ? (
            <span className="clip-badge" title="A clip plays instead of this frame">
              ▶ CLIP
            </span>
          ) : null}
          <span className="board-duration">{formatDuration(shot.durationMs)}</span>
        </span>
        <span className="board-snippet">
          {snippet(shot) || <span className="muted">No action or dialogue</span>}
        </span>
      </span>
    </>
  );
});
