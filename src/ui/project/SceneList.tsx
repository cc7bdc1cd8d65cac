import type { ProjectSnapshot } from '../../model/project';
import { shotsOfScene } from '../../model/project';
import type { ShotId } from '../../model/ids';
import type { Shot } from '../../model/shot';
import { formatDuration, sumDurations } from '../../model/units';
import { projectDoc, type ProjectSession } from '../../store';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly selectedShot: Shot | null;
  readonly onPickShot: (id: ShotId) => void;
}

export function SceneList({ session, snapshot, selectedShot, onPickShot }: Props) {
  return (
    <nav className="scene-list" aria-label="Scenes">
      <h2 className="pane-title">Scenes</h2>
      {snapshot.scenes.length === 0 ? <p className="muted">No scenes yet.</p> : null}
      <ol>
        {snapshot.scenes.map((scene) => {
          const shots = shotsOfScene(snapshot, scene.id);
          const first = shots[0];
          const current = selectedShot?.sceneId === scene.id;
          return (
            <li key={scene.id}>
              <button
                type="button"
                className={`scene-item${current ? ' current' : ''}`}
                aria-current={current ? 'true' : undefined}
                disabled={!first}
                onClick={() => first && onPickShot(first.id)}
              >
                <span className="scene-number">{scene.number}</span>
                <span className="scene-heading">{scene.heading || 'Untitled scene'}</span>
                <span className="muted scene-meta">
                  {shots.length} · {formatDuration(sumDurations(shots.map((s) => s.durationMs)))}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button quiet"
        disabled={session.readOnly}
        onClick={() => {
          const shotId = projectDoc.addSceneWithShot(session.doc, 'INT. NEW SCENE - DAY');
          if (shotId) onPickShot(shotId);
        }}
      >
        + Add scene
      </button>
    </nav>
  );
}
