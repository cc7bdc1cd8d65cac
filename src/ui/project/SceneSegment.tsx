import { useReadOnly } from './useSessionSelector';
import {
  memo,
  type CSSProperties,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { ShotId } from '../../model/ids';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { GenerateSceneButton } from '../ai/GenerateSceneButton';
import { carriesFiles, picturesOfDrop } from '../common/pictureFiles';
import { Board } from './Board';
import type { Segment } from './boardLayout';
import { SceneTitle } from './SceneTitle';

/** What every board of the grid does; the same functions on every render (useLatestCallback). */
export interface BoardHandlers {
  readonly onSelect: (shotId: ShotId, e: MouseEvent<HTMLButtonElement> | null) => void;
  readonly onKeyDown: (shotId: ShotId, e: KeyboardEvent<HTMLButtonElement>) => void;
  readonly onDropShot: (movingId: string, targetId: ShotId, side: 'before' | 'after') => void;
  readonly onContextMenu: (shotId: ShotId, e: MouseEvent<HTMLButtonElement>) => void;
  readonly onAddShot: (sceneId: Scene['id']) => void;
  /** Picture files dropped on a board (from it on) or on the scene (from its first shot). */
  readonly onDropPictures?: (
    sceneId: Scene['id'],
    startShotId: ShotId | null,
    files: File[],
  ) => void;
}

interface Props {
  readonly session: ProjectSession;
  readonly scene: Scene;
  /** All the scene's shots in board order (the same array while they are unchanged). */
  readonly shots: readonly Shot[];
  /** Which of them this part of a row shows, and where. */
  readonly segment: Segment;
  /** With the scene's header (the row that starts the scene). */
  readonly head: boolean;
  /** Every board of the project, and how many come before this scene's first. */
  readonly total: number;
  readonly before: number;
  readonly selected: ReadonlySet<ShotId>;
  readonly currentId: ShotId | null;
  readonly handlers: BoardHandlers;
  /** Board width plus gap, and the gap, in px. */
  readonly pitch: number;
  readonly gap: number;
}

/**
 * One scene's part of a row of the grid: its header (on the row that starts the scene) and the
 * boards of it that row holds. Renders again only when they change.
 */
export const SceneSegment = memo(function SceneSegment(props: Props) {
  const { session, scene, shots, segment, head, total, before, selected, currentId } = props;
  const readOnly = useReadOnly(session);
  const { handlers, pitch, gap } = props;
  const style: CSSProperties = {
    left: segment.column * pitch,
    width: segment.span * pitch - gap,
  };
  const boards = (
    <ol className="board-grid">
      {shots.slice(segment.first, segment.first + segment.count).map((shot, i) => (
        <li key={shot.id} aria-setsize={total} aria-posinset={before + segment.first + i + 1}>
          <Board
            shot={shot}
            selected={selected.has(shot.id)}
            current={shot.id === currentId}
            onSelect={handlers.onSelect}
            onKeyDown={handlers.onKeyDown}
            onContextMenu={handlers.onContextMenu}
            onDropShot={handlers.onDropShot}
          />
        </li>
      ))}
    </ol>
  );
  const drop = {
    'data-scene-id': scene.id,
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (handlers.onDropPictures && carriesFiles(e.dataTransfer)) e.preventDefault();
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      // Dropped on the scene but not on a board: its shots from the first.
      const pictures = handlers.onDropPictures ? picturesOfDrop(e.dataTransfer) : [];
      if (!handlers.onDropPictures || pictures.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      handlers.onDropPictures(scene.id, null, pictures);
    },
  };
  if (!head) {
    return (
      <div className="scene-boards continued" style={style} {...drop}>
        {boards}
      </div>
    );
  }
  return (
    <section className="scene-boards" style={style} aria-labelledby={`scene-${scene.id}`} {...drop}>
      <SceneTitle session={session} scene={scene}>
        <button
          type="button"
          className="button quiet add-shot"
          disabled={readOnly}
          aria-label={`Add shot to scene ${scene.number}`}
          title={`Add a shot at the end of scene ${scene.number}`}
          onClick={() => handlers.onAddShot(scene.id)}
        >
          + Shot
        </button>
        <GenerateSceneButton session={session} scene={scene} sceneShots={shots} />
      </SceneTitle>
      {boards}
    </section>
  );
});
