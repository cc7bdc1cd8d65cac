import { useReadOnly } from './useSessionSelector';
import { memo, useState } from 'react';
import type { SceneId, ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { NEW_SCENE_HEADING } from '../../model/scene';
import { CastSection } from './CastSection';
import { ExportScriptButtons } from './ExportScriptButtons';
import { SceneRow } from './SceneRow';
import type { SceneRowFacts } from './sceneRows';

interface Props {
  readonly session: ProjectSession;
  /** Each scene with what its row shows (SceneRowsKeeper: the same array while none changed). */
  readonly rows: readonly SceneRowFacts[];
  /** The scene of the shot in the inspector. */
  readonly currentSceneId: SceneId | null;
  readonly onPickShot: (id: ShotId) => void;
}

type Tab = 'scenes' | 'characters';

/**
 * The script beside the boards: scenes with page and time estimates, and the cast by lines.
 * Memoised on its rows: a keystroke in a shot renders none of a feature's hundreds of scenes.
 */
export const ScriptPanel = memo(function ScriptPanel(props: Props) {
  const { session, rows, currentSceneId, onPickShot } = props;
  const readOnly = useReadOnly(session);
  const [tab, setTab] = useState<Tab>('scenes');
  return (
    <aside className="scene-list" aria-label="Script" data-region="scenes">
      <div className="tabs" role="tablist" aria-label="Script view">
        {(['scenes', 'characters'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`tab${tab === name ? ' current' : ''}`}
            onClick={() => setTab(name)}
          >
            {name === 'scenes' ? 'Scenes' : 'Characters'}
          </button>
        ))}
      </div>
      {tab === 'scenes' ? (
        <nav aria-label="Scenes">
          {rows.length === 0 ? <p className="muted">No scenes yet.</p> : null}
          <ol>
            {rows.map(({ scene, firstShotId, meta }) => (
              <SceneRow
                key={scene.id}
                session={session}
                scene={scene}
                current={scene.id === currentSceneId}
                firstShotId={firstShotId}
                meta={meta}
                onPickShot={onPickShot}
                readOnly={readOnly}
              />
            ))}
          </ol>
          <button
            type="button"
            className="button quiet"
            disabled={readOnly}
            onClick={() => {
              const added = session.run('scene/addWithShot', { heading: NEW_SCENE_HEADING });
              if (added.ok && added.value) onPickShot(added.value);
            }}
          >
            + Add scene
          </button>
        </nav>
      ) : (
        <CastSection session={session} onPickShot={onPickShot} />
      )}
      <ExportScriptButtons session={session} />
    </aside>
  );
});
