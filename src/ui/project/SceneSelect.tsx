import { memo } from 'react';
import type { SceneId, ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { ProjectSession } from '../../store';

interface Props {
  readonly session: ProjectSession;
  readonly shotId: ShotId;
  readonly sceneId: SceneId;
  readonly scenes: ProjectSnapshot['scenes'];
}

/**
 * The inspector's Scene field. Its own memoised component: a feature has hundreds of scenes, and
 * typing in the shot's other fields would otherwise build and compare an option for each of them
 * on every keystroke.
 */
export const SceneSelect = memo(function SceneSelect({ session, shotId, sceneId, scenes }: Props) {
  return (
    <select
      value={sceneId}
      onChange={(e) => {
        // Moving to another scene puts the shot at that scene's end, with a number there.
        const target = e.target.value as SceneId;
        const count = session.getState().snapshot.shots.filter((s) => s.sceneId === target).length;
        session.run('shot/move', { shotId, toSceneId: target, index: count });
      }}
    >
      {scenes.map((s) => (
        <option key={s.id} value={s.id}>
          {s.number} · {s.heading || 'Untitled scene'}
        </option>
      ))}
    </select>
  );
});
