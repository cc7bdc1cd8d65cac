import type { ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { mergePartner } from '../../model/shotMerge';
import { splitPoints } from '../../model/shotSplit';
import type { ProjectSession } from '../../store';
import * as actions from './shotActions';
import { SHOT_SHORTCUTS, useShotMenu } from './useShotMenu';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly shot: Shot;
  /** Selects the shot an action leaves to look at (the copy, the new half…). */
  readonly onSelect: (id: ShotId) => void;
}

/**
 * The inspector's shot actions: duplicate, split at dialogue, merge with the next shot, delete;
 * and for an OMITTED shot, what that means and a way to bring it back.
 */
export function ShotStructureActions({ session, snapshot, shot, onSelect }: Props) {
  const menu = useShotMenu(session, snapshot, onSelect);
  const readOnly = session.readOnly;
  const after = (id: ShotId | null) => id && onSelect(id);
  const partner = mergePartner(snapshot, shot.id);
  return (
    <section className="shot-actions" aria-label="Shot actions">
      {shot.omitted ? (
        <div className="omitted-notice" role="note">
          <p>
            <span className="omitted-badge">OMITTED</span> The current draft of the script no longer
            has this beat. The shot is kept for its frame and left out of the animatic.
          </p>
          <button
            type="button"
            className="button primary"
            disabled={readOnly}
            onClick={() => after(actions.restoreShot(session, shot))}
          >
            Restore shot
          </button>
        </div>
      ) : null}
      <div className="shot-action-buttons">
        <button
          type="button"
          className="button"
          disabled={readOnly}
          title={`Duplicate (${SHOT_SHORTCUTS.duplicate} on a board)`}
          onClick={() => after(actions.duplicateShot(session, shot))}
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button"
          disabled={readOnly || splitPoints(shot).length === 0}
          title={`Split at dialogue (${SHOT_SHORTCUTS.split} on a board)`}
          onClick={() => menu.openSplit(shot)}
        >
          Split…
        </button>
        <button
          type="button"
          className="button"
          disabled={readOnly || partner === null}
          title={
            partner
              ? `Merge shot ${partner.number} into this one (${SHOT_SHORTCUTS.merge} on a board)`
              : 'No next shot in this scene to merge with'
          }
          onClick={() => after(actions.mergeWithNext(session, snapshot, shot))}
        >
          Merge with next
        </button>
        <button
          type="button"
          className="button quiet danger"
          disabled={readOnly}
          onClick={() => after(actions.deleteShot(session, snapshot, shot))}
        >
          Delete shot
        </button>
      </div>
      {menu.overlay}
    </section>
  );
}
