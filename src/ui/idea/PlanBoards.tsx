import type { ProjectSnapshot } from '../../model/project';
import { boardsOf, boardText, setShotAction } from '../../workflows/idea/editOutputs';
import { plural } from '../common/format';
import { PlanSketch } from './PlanSketch';
import { useDraft } from './useDraft';

interface Props {
  readonly plan: ProjectSnapshot;
  readonly onSave: (plan: ProjectSnapshot) => void;
  readonly readOnly: boolean;
}

/**
 * The shot plan as boards: a card per shot with the offline sketch it will open with, its words
 * editable (the sketch follows), grouped by scene.
 */
export function PlanBoards({ plan, onSave, readOnly }: Props) {
  const { draft, change, flush } = useDraft(plan, onSave);
  return (
    <div className="idea-plan">
      {boardsOf(draft).map(({ scene, shots }) => (
        <section key={scene.id} className="idea-plan-scene" aria-label={scene.heading}>
          <h3>
            {scene.number}. {scene.heading}{' '}
            <span className="muted">({plural(shots.length, 'shot')})</span>
          </h3>
          <ol className="idea-boards">
            {shots.map((shot) => (
              <li key={shot.id} className="idea-board panel">
                <PlanSketch plan={draft} shot={shot} />
                <div className="idea-board-head">
                  <strong>{shot.number}</strong>
                  <span className="muted">
                    {shot.shotType} · {(shot.durationMs / 1000).toFixed(1)} s
                  </span>
                </div>
                <textarea
                  aria-label={`Shot ${shot.number}`}
                  rows={3}
                  value={shot.action || (readOnly ? boardText(shot) : shot.action)}
                  placeholder={boardText(shot) || 'What we see'}
                  readOnly={readOnly}
                  onChange={(e) => change(setShotAction(draft, shot.id, e.target.value))}
                  onBlur={flush}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
