import { memo, useState } from 'react';
import type { ShotId } from '../../model/ids';
import type { Scene } from '../../model/scene';
import type { ProjectSession } from '../../store';
import { InlineEdit } from '../common/InlineEdit';
import { SceneActions } from './SceneActions';
import { MAX_HEADING_LENGTH } from './SceneTitle';

interface Props {
  readonly session: ProjectSession;
  readonly scene: Scene;
  readonly current: boolean;
  /** "3 shots · 0:12.0 · 1.5 pages" */
  readonly meta: string;
  readonly firstShotId: ShotId | null;
  readonly onPickShot: (id: ShotId) => void;
  /**
   * The session's read-only state, from the panel (one subscription for every row): a prop, so
   * the memoised row and its ⋯ menu render again when it changes.
   */
  readonly readOnly: boolean;
}

/**
 * One scene in the script panel: picking it goes to its first shot; its heading edits in place
 * (double click, F2, or the ⋯ menu, which also renumbers and deletes the scene).
 */
export const SceneRow = memo(function SceneRow(props: Props) {
  const { session, scene, current, meta, firstShotId, onPickShot, readOnly } = props;
  const [editing, setEditing] = useState(false);
  const edit = () => {
    if (!readOnly) setEditing(true);
  };
  return (
    <li className="scene-row">
      {editing ? (
        <div className="scene-item editing">
          <span className="scene-number">{scene.number}</span>
          <InlineEdit
            className="scene-heading"
            value={scene.heading}
            label={`Heading of scene ${scene.number}`}
            maxLength={MAX_HEADING_LENGTH}
            onCommit={(heading) => session.run('scene/setHeading', { sceneId: scene.id, heading })}
            onDone={() => setEditing(false)}
          />
        </div>
      ) : (
        <button
          type="button"
          className={`scene-item${current ? ' current' : ''}`}
          aria-current={current ? 'true' : undefined}
          disabled={!firstShotId}
          onClick={() => firstShotId && onPickShot(firstShotId)}
          onDoubleClick={edit}
          onKeyDown={(e) => {
            if (e.key !== 'F2') return;
            e.preventDefault();
            edit();
          }}
        >
          <span className="scene-number">{scene.number}</span>
          <span className="scene-heading">{scene.heading || 'Untitled scene'}</span>
          <span className="muted scene-meta">{meta}</span>
        </button>
      )}
      <SceneActions session={session} scene={scene} onEditHeading={edit} />
    </li>
  );
});
