import { sumDurations } from '../../model/units';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import { snapshotForRange, type RenderRange } from '../../render/renderRange';
import { clockDuration, plural } from '../common/format';

interface Props {
  readonly snapshot: Pick<ProjectSnapshot, 'shots' | 'scenes'>;
  readonly range: RenderRange;
  readonly onChange: (range: RenderRange) => void;
  /** Boards selected in the grid (in board order); the inspector's shot when only one. */
  readonly selectedShotIds: readonly string[];
}

type Kind = RenderRange['kind'];

/** What to render: everything, a scene, the selected boards, or shots from one to another. */
export function RenderRangeField({ snapshot, range, onChange, selectedShotIds }: Props) {
  const shots = timelineShots(snapshot);
  const scenes = snapshot.scenes.filter((scene) => shots.some((s) => s.sceneId === scene.id));
  const first = selectedShotIds[0] ?? shots[0]?.id ?? '';
  const sceneOfSelection = shots.find((s) => s.id === first)?.sceneId ?? scenes[0]?.id ?? '';
  const lengthMs = sumDurations(
    timelineShots(snapshotForRange(snapshot, range)).map((s) => s.durationMs),
  );

  const choose = (kind: Kind) => {
    if (kind === 'all') onChange({ kind });
    if (kind === 'scene') onChange({ kind, sceneId: sceneOfSelection });
    if (kind === 'shots') onChange({ kind, shotIds: selectedShotIds });
    if (kind === 'span') {
      onChange({ kind, fromShotId: first, toShotId: selectedShotIds.at(-1) ?? first });
    }
  };
  const shotOptions = shots.map((s) => (
    <option key={s.id} value={s.id}>
      Shot {s.number}
    </option>
  ));

  // The choice with the length beside it, then what it needs (a scene, or from and to) on a
  // row of its own: at 560 px the three side by side cut their own labels short.
  return (
    <div className="render-range">
      <div className="field-row render-range-kind">
        <label className="field">
          <span>Render</span>
          <select value={range.kind} onChange={(e) => choose(e.target.value as Kind)}>
            <option value="all">Whole animatic</option>
            <option value="scene">One scene</option>
            {selectedShotIds.length > 0 ? (
              <option value="shots">Selected boards ({selectedShotIds.length})</option>
            ) : null}
            <option value="span">Shots from … to …</option>
          </select>
        </label>
        <p className="muted render-length" aria-live="polite">
          {plural(timelineShots(snapshotForRange(snapshot, range)).length, 'shot')},{' '}
          {clockDuration(lengthMs)}
        </p>
      </div>
      {range.kind === 'scene' ? (
        <label className="field">
          <span>Scene</span>
          <select
            value={range.sceneId}
            onChange={(e) => onChange({ kind: 'scene', sceneId: e.target.value })}
          >
            {scenes.map((scene) => (
              <option key={scene.id} value={scene.id}>
                {scene.number}. {scene.heading}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {range.kind === 'span' ? (
        <div className="field-row render-range-span">
          <label className="field">
            <span>From</span>
            <select
              value={range.fromShotId}
              onChange={(e) => onChange({ ...range, fromShotId: e.target.value })}
            >
              {shotOptions}
            </select>
          </label>
          <label className="field">
            <span>To</span>
            <select
              value={range.toShotId}
              onChange={(e) => onChange({ ...range, toShotId: e.target.value })}
            >
              {shotOptions}
            </select>
          </label>
        </div>
      ) : null}
    </div>
  );
}
