import { useId, useState } from 'react';
import type { ShotId } from '../../model/ids';
import { numberForNewShot } from '../../model/numbering';
import { shotsOfScene, type ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { defaultSplitPoint, planSplit, splitPoints } from '../../model/shotSplit';
import { formatDuration } from '../../model/units';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { plural } from '../common/format';

interface Props {
  readonly snapshot: ProjectSnapshot;
  readonly shot: Shot;
  readonly onSplit: (atLine: number) => void;
  readonly onClose: () => void;
}

function pointLabel(shot: Shot, atLine: number): string {
  const line = shot.dialogue[atLine];
  if (shot.dialogue.length === 0 || !line) return 'In two halves';
  if (atLine === 0) return 'Between the action and the first line';
  const text = line.line.length > 48 ? `${line.line.slice(0, 47)}…` : line.line;
  return `Before line ${atLine + 1} — ${line.speaker}: “${text}”`;
}

/** Where to split a shot, with what each part keeps and how long it plays, before it happens. */
export function SplitShotDialog({ snapshot, shot, onSplit, onClose }: Props) {
  const name = useId();
  const points = splitPoints(shot);
  const [atLine, setAtLine] = useState(defaultSplitPoint(shot) ?? 0);
  const scene = snapshot.scenes.find((s) => s.id === shot.sceneId);
  const siblings = shotsOfScene(snapshot, shot.sceneId);
  const number = numberForNewShot(
    scene?.number ?? '',
    siblings.map((s) => s.number),
    siblings.findIndex((s) => s.id === shot.id) + 1,
  );
  const plan = points.includes(atLine)
    ? planSplit(shot, atLine, { id: '' as ShotId, number })
    : null;
  return (
    <ConfirmDialog
      title={`Split shot ${shot.number}`}
      confirmLabel="Split"
      confirmDisabled={plan === null}
      onConfirm={() => onSplit(atLine)}
      onClose={onClose}
    >
      {points.length === 0 ? (
        <p>
          {shot.omitted
            ? `Shot ${shot.number} is OMITTED: restore it to split it.`
            : `Shot ${shot.number} is too short to split.`}
        </p>
      ) : (
        <fieldset className="bare-fieldset split-points">
          <legend className="muted">Where the new shot starts</legend>
          {points.map((point) => (
            <label key={point} className="radio-row">
              <input
                type="radio"
                name={name}
                checked={point === atLine}
                onChange={() => setAtLine(point)}
              />
              {pointLabel(shot, point)}
            </label>
          ))}
        </fieldset>
      )}
      {plan ? (
        <p className="split-preview">
          Shot {shot.number} keeps {plural(plan.first.dialogue.length, 'line')} and plays{' '}
          {formatDuration(plan.first.durationMs)}; new shot {number} gets{' '}
          {plural(plan.second.dialogue.length, 'line')} and plays{' '}
          {formatDuration(plan.second.durationMs)}. The frame and camera carry over; no other number
          changes. You can undo this.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
