import { renumberScene } from '../../model/numbering';
import { shotsOfScene, type ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { plural } from '../common/format';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly scene: Scene;
  readonly onClose: () => void;
}

/** A frame someone made (drawn, generated, uploaded): what deleting a scene would cost. */
const isMade = (source: string | null) => source !== null && source !== 'sketch';

const undoWith = (session: ProjectSession) => ({ label: 'Undo', run: () => session.undo() });

/** What renumbering means, and which numbers it changes, before it does. */
export function RenumberSceneDialog({ session, snapshot, scene, onClose }: Props) {
  const shots = shotsOfScene(snapshot, scene.id);
  const fresh = renumberScene(scene.number, shots.length);
  const changes = shots
    .map((shot, i) => ({ from: shot.number, to: fresh[i] ?? shot.number }))
    .filter((c) => c.from !== c.to);
  return (
    <ConfirmDialog
      title={`Renumber the shots of scene ${scene.number}`}
      confirmLabel="Renumber"
      confirmDisabled={changes.length === 0}
      onClose={onClose}
      onConfirm={() => {
        if (!session.run('scene/renumberShots', { sceneId: scene.id }).ok) return;
        showToast({
          kind: 'info',
          title: `Renumbered scene ${scene.number}`,
          detail: `${plural(changes.length, 'shot number')} changed`,
          action: undoWith(session),
        });
      }}
    >
      <p>
        Shot numbers are given once, so boards you printed or sent stay true when shots are added.
        Renumbering writes this scene’s numbers again in board order ({fresh[0]},{' '}
        {fresh[1] ?? `${scene.number}A`}, …): anything printed before will no longer match.
      </p>
      {changes.length === 0 ? (
        <p className="muted">The numbers are already in order: nothing would change.</p>
      ) : (
        <ul className="renumber-changes" aria-label="Number changes">
          {changes.map((c) => (
            <li key={`${c.from}-${c.to}`}>
              <s>{c.from}</s> → <strong>{c.to}</strong>
            </li>
          ))}
        </ul>
      )}
    </ConfirmDialog>
  );
}

/** What deleting a scene takes with it (its shots, the frames someone made), before it does. */
export function DeleteSceneDialog({ session, snapshot, scene, onClose }: Props) {
  const shots = shotsOfScene(snapshot, scene.id);
  const made = shots.filter((s) => isMade(s.frameSource)).length;
  return (
    <ConfirmDialog
      title={`Delete scene ${scene.number}?`}
      confirmLabel="Delete scene"
      danger
      onClose={onClose}
      onConfirm={() => {
        const result = session.run('scene/delete', { sceneId: scene.id });
        if (!result.ok) return;
        showToast({
          kind: 'info',
          title: `Deleted scene ${scene.number}`,
          detail: `and its ${plural(result.value, 'shot')}`,
          action: undoWith(session),
        });
      }}
    >
      <p>
        <strong>{scene.heading || 'Untitled scene'}</strong> goes, with its{' '}
        {plural(shots.length, 'shot')}
        {made > 0 ? (
          <>
            {' '}
            — <strong>{made}</strong> of them with drawn, generated or uploaded frames
          </>
        ) : null}
        .
      </p>
      <p className="muted">Undo (Ctrl+Z) brings the scene back with every shot and frame.</p>
    </ConfirmDialog>
  );
}
