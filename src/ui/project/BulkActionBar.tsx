import { useState, type ReactNode } from 'react';
import {
  CAMERA_ANGLE_LABELS,
  CAMERA_ANGLES,
  CAMERA_MOVE_LABELS,
  CAMERA_MOVES,
  SHOT_TYPE_LABELS,
  SHOT_TYPES,
} from '../../model/camera';
import type { SceneId, ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { ShotPatch } from '../../model/shot';
import { ms } from '../../model/units';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { plural } from '../common/format';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  /** The selected shots, in board order (two or more). */
  readonly shotIds: readonly ShotId[];
  /** After a delete: what to select instead. */
  readonly onDeleted: () => void;
  readonly onClear: () => void;
}

/** A frame someone made (drawn, generated, uploaded): deleting it asks first. */
const isMade = (source: string | null) => source !== null && source !== 'sketch';

/**
 * What can be done to several boards at once: move them to another scene, give them one length
 * or scale their lengths, set their shot type, angle, move or notes, delete them. Each is one
 * command and one undo step (bulkCommands.ts); a toast offers the undo.
 */
export function BulkActionBar({ session, snapshot, shotIds, onDeleted, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [seconds, setSeconds] = useState('');
  const [factor, setFactor] = useState('');
  const [notes, setNotes] = useState('');
  const count = plural(shotIds.length, 'shot');
  const undo = { label: 'Undo', run: () => session.undo() };
  const done = (ok: boolean, title: string) => {
    if (ok) showToast({ kind: 'info', title, action: undo });
  };

  const update = (patch: ShotPatch, what: string) =>
    done(session.run('shots/update', { shotIds, patch }).ok, `Set ${what} on ${count}`);
  const moveTo = (sceneId: SceneId) => {
    const scene = snapshot.scenes.find((s) => s.id === sceneId);
    const moved = session.run('shots/moveToScene', { shotIds, toSceneId: sceneId });
    done(moved.ok, `Moved ${count} to scene ${scene?.number ?? ''}`);
  };
  const retime = (retimeBy: { durationMs: number } | { factor: number }, what: string) =>
    done(session.run('shots/retime', { shotIds, retime: retimeBy }).ok, `${what} ${count}`);
  const remove = () => {
    if (!session.run('shots/delete', { shotIds }).ok) return;
    onDeleted();
    showToast({ kind: 'info', title: `Deleted ${count}`, action: undo });
  };
  const selected = new Set<string>(shotIds);
  const made = snapshot.shots.filter((s) => selected.has(s.id) && isMade(s.frameSource)).length;

  const lengthMs = Math.round(Number(seconds) * 1000);
  const scaleBy = Number(factor);
  return (
    <div
      className="bulk-bar"
      role="toolbar"
      aria-label="Selected shots"
      onKeyDown={(e) => {
        // Escape clears the selection from inside the bar too (focus goes back to the board).
        // Not from the delete confirmation: it is portaled, and React still bubbles its keys here.
        if (e.key !== 'Escape' || !e.currentTarget.contains(e.target as Node)) return;
        e.preventDefault();
        onClear();
      }}
    >
      <strong className="bulk-count">{count} selected</strong>
      <fieldset className="bulk-fields" disabled={session.readOnly}>
        <Choice
          label="Move selected shots to scene"
          placeholder="Move to scene…"
          onPick={(id) => moveTo(id as SceneId)}
        >
          {snapshot.scenes.map((scene) => (
            <option key={scene.id} value={scene.id}>
              {scene.number} · {scene.heading || 'Untitled scene'}
            </option>
          ))}
        </Choice>
        <Choice
          label="Set shot type"
          placeholder="Shot type…"
          onPick={(v) => update({ shotType: v as (typeof SHOT_TYPES)[number] }, 'shot type')}
        >
          {SHOT_TYPES.map((t) => (
            <option key={t} value={t}>
              {SHOT_TYPE_LABELS[t]}
            </option>
          ))}
        </Choice>
        <Choice
          label="Set camera angle"
          placeholder="Angle…"
          onPick={(v) => update({ cameraAngle: v as (typeof CAMERA_ANGLES)[number] }, 'angle')}
        >
          {CAMERA_ANGLES.map((a) => (
            <option key={a} value={a}>
              {CAMERA_ANGLE_LABELS[a]}
            </option>
          ))}
        </Choice>
        <Choice
          label="Set camera move"
          placeholder="Move…"
          onPick={(v) => update({ cameraMove: v as (typeof CAMERA_MOVES)[number] }, 'camera move')}
        >
          {CAMERA_MOVES.map((m) => (
            <option key={m} value={m}>
              {CAMERA_MOVE_LABELS[m]}
            </option>
          ))}
        </Choice>
        <form
          className="bulk-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (lengthMs > 0) retime({ durationMs: ms(lengthMs) }, 'Re-timed');
          }}
        >
          <input
            type="number"
            min="0.1"
            step="0.1"
            inputMode="decimal"
            placeholder="sec"
            aria-label="Length of each selected shot (seconds)"
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />
          <button type="submit" className="button quiet" disabled={!(lengthMs > 0)}>
            Set length
          </button>
        </form>
        <form
          className="bulk-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (scaleBy > 0) retime({ factor: scaleBy }, 'Scaled');
          }}
        >
          <input
            type="number"
            min="0.05"
            step="0.05"
            inputMode="decimal"
            placeholder="×"
            aria-label="Scale the lengths of the selected shots by"
            value={factor}
            onChange={(e) => setFactor(e.target.value)}
          />
          <button type="submit" className="button quiet" disabled={!(scaleBy > 0)}>
            Scale
          </button>
        </form>
        <form
          className="bulk-inline"
          onSubmit={(e) => {
            e.preventDefault();
            update({ notes }, 'notes');
          }}
        >
          <input
            type="text"
            placeholder="Notes"
            aria-label="Notes for the selected shots"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <button type="submit" className="button quiet">
            Set notes
          </button>
        </form>
        <button
          type="button"
          className="button quiet danger"
          onClick={() => (made > 0 ? setConfirming(true) : remove())}
        >
          Delete {count}
        </button>
      </fieldset>
      <button
        type="button"
        className="button quiet icon-button"
        aria-label="Clear selection"
        title="Clear selection (Escape)"
        onClick={onClear}
      >
        ×
      </button>
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${count}?`}
          confirmLabel={`Delete ${count}`}
          danger
          onClose={() => setConfirming(false)}
          onConfirm={remove}
        >
          <p>
            {made === 1 ? 'One of them has a frame' : `${made} of them have frames`} someone drew,
            generated or uploaded. Undo (Ctrl+Z) brings them back.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** A select whose first option names it and that acts once per choice, then resets. */
function Choice({
  label,
  placeholder,
  onPick,
  children,
}: {
  readonly label: string;
  readonly placeholder: string;
  readonly onPick: (value: string) => void;
  readonly children: ReactNode;
}) {
  return (
    <select
      className="bulk-select"
      aria-label={label}
      value=""
      onChange={(e) => {
        if (e.target.value) onPick(e.target.value);
      }}
    >
      <option value="" disabled>
        {placeholder}
      </option>
      {children}
    </select>
  );
}
