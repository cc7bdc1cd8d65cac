import {
  CAMERA_ANGLE_LABELS,
  CAMERA_ANGLES,
  CAMERA_MOVE_LABELS,
  CAMERA_MOVES,
  SHOT_TYPE_LABELS,
  SHOT_TYPES,
} from '../../model/camera';
import type { CharacterId, ShotId } from '../../model/ids';
import { aspectValue, type ProjectSnapshot } from '../../model/project';
import type { DialogueLine, Shot } from '../../model/shot';
import { ms } from '../../model/units';
import { formatTimecode } from '../../model/timeline';
import { secondsText } from '../common/format';
import type { ProjectSession } from '../../store';
import type { ShotPatch } from '../../model/shot';
import { ShotAiPanel } from '../ai/ShotAiPanel';
import { useAssetUrl } from '../common/useAssetUrl';
import { useDrawerOpen } from '../common/drawerState';
import { openFrameEditor } from '../editor/editorLauncher';
import { ShotReview } from '../collab/ShotReview';
import { CommitInput } from './CommitInput';
import { SceneSelect } from './SceneSelect';
import { DialogueEditor } from './DialogueEditor';
import { ShotStructureActions } from './ShotStructureActions';
import { ShotTimingFields } from '../timeline/ShotTimingFields';
import { UploadFrameButton } from './UploadFrameButton';
import type { PutPictures } from './usePictures';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly shot: Shot | null;
  /** Selects another shot (the copy after Duplicate, the new half after Split…). */
  readonly onSelect: (id: ShotId) => void;
  /** Puts the person's own pictures on shots (usePictures.ts). */
  readonly onPictures: PutPictures;
}

const FRAME_SOURCE_LABELS = {
  sketch: 'Offline sketch',
  drawn: 'Drawn',
  ai: 'Generated',
  upload: 'Uploaded',
} as const;

/** Edits every field of the selected shot. Each change is one undoable edit of the Y.Doc. */
export function ShotInspector({ session, snapshot, shot, onSelect, onPictures }: Props) {
  const frameUrl = useAssetUrl(shot?.frameHash ?? null);
  const covered = useDrawerOpen();
  if (!shot) {
    return (
      <aside
        className="inspector"
        aria-label="Shot inspector"
        data-region="inspector"
        inert={covered}
      >
        <p className="muted">Select a board to edit its shot.</p>
      </aside>
    );
  }
  const scene = snapshot.scenes.find((s) => s.id === shot.sceneId);
  const update = (patch: ShotPatch) => session.run('shot/update', { shotId: shot.id, patch });
  const disabled = session.readOnly;

  const toggleCharacter = (id: CharacterId, on: boolean) =>
    update({
      characterIds: on ? [...shot.characterIds, id] : shot.characterIds.filter((c) => c !== id),
    });

  return (
    <aside
      className="inspector"
      aria-label="Shot inspector"
      data-region="inspector"
      inert={covered}
    >
      <h2 className="pane-title">
        Shot {shot.number}
        <span className="muted"> · {scene?.heading ?? ''}</span>
      </h2>
      <figure className="inspector-frame">
        <span
          className={`inspector-frame-box fit-${snapshot.meta.frameFit}`}
          style={{ aspectRatio: String(aspectValue(snapshot.meta.aspectRatio)) }}
        >
          {frameUrl ? (
            <img src={frameUrl} alt={`Frame of shot ${shot.number}`} />
          ) : (
            <span className="board-placeholder">Sketching…</span>
          )}
        </span>
        {shot.frameSource ? (
          <figcaption className="muted">{FRAME_SOURCE_LABELS[shot.frameSource]}</figcaption>
        ) : null}
      </figure>
      <div className="inspector-frame-actions">
        <button type="button" className="button" onClick={() => openFrameEditor(shot.id)}>
          Draw
        </button>
        <UploadFrameButton shot={shot} onPictures={onPictures} disabled={disabled} />
      </div>
      <ShotStructureActions session={session} snapshot={snapshot} shot={shot} onSelect={onSelect} />
      <fieldset className="inspector-fields" disabled={disabled}>
        <label className="field">
          <span>Scene</span>
          <SceneSelect
            session={session}
            shotId={shot.id}
            sceneId={shot.sceneId}
            scenes={snapshot.scenes}
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Shot number</span>
            <CommitInput
              value={shot.number}
              onCommit={(number) => number.trim() && update({ number: number.trim() })}
            />
          </label>
          <div className="field">
            <label className="field">
              <span>Duration (seconds)</span>
              <CommitInput
                aria-describedby={`length-${shot.id}`}
                type="number"
                inputMode="decimal"
                min={0.1}
                step={0.1}
                // One decimal to read and type; the exact length, to the frame, is the timecode.
                value={secondsText(shot.durationMs)}
                onCommit={(text) => {
                  const seconds = Number.parseFloat(text.replace(',', '.'));
                  if (Number.isFinite(seconds)) update({ durationMs: ms(seconds * 1000) });
                }}
              />
            </label>
            <small id={`length-${shot.id}`} className="muted shot-length">
              {formatTimecode(shot.durationMs, snapshot.meta.frameRate)} at{' '}
              {snapshot.meta.frameRate} fps
            </small>
          </div>
        </div>
        <div className="field-row">
          <label className="field">
            <span>Shot type</span>
            <select
              value={shot.shotType}
              onChange={(e) => update({ shotType: e.target.value as Shot['shotType'] })}
            >
              {SHOT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t} — {SHOT_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Camera angle</span>
            <select
              value={shot.cameraAngle}
              onChange={(e) => update({ cameraAngle: e.target.value as Shot['cameraAngle'] })}
            >
              {CAMERA_ANGLES.map((a) => (
                <option key={a} value={a}>
                  {CAMERA_ANGLE_LABELS[a]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Camera move</span>
            <select
              value={shot.cameraMove}
              onChange={(e) => update({ cameraMove: e.target.value as Shot['cameraMove'] })}
            >
              {CAMERA_MOVES.map((m) => (
                <option key={m} value={m}>
                  {CAMERA_MOVE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>Action</span>
          <textarea
            value={shot.action}
            rows={3}
            onChange={(e) => update({ action: e.target.value })}
          />
        </label>
        <DialogueEditor
          lines={shot.dialogue}
          speakers={snapshot.characters.map((c) => c.name)}
          onChange={(dialogue: DialogueLine[]) => update({ dialogue })}
        />
        <fieldset className="field characters-field">
          <legend>Characters in shot</legend>
          {snapshot.characters.length === 0 ? (
            <p className="muted">No characters in this project.</p>
          ) : null}
          <div className="chips">
            {snapshot.characters.map((c) => (
              <label key={c.id} className="chip">
                <input
                  type="checkbox"
                  checked={shot.characterIds.includes(c.id)}
                  onChange={(e) => toggleCharacter(c.id, e.target.checked)}
                />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span>Notes</span>
          <textarea
            value={shot.notes}
            rows={3}
            onChange={(e) => update({ notes: e.target.value })}
          />
        </label>
        <ShotTimingFields session={session} shot={shot} />
      </fieldset>
      {/* The artist's own frame and fields come first; generating one is a section below them. */}
      <ShotAiPanel session={session} snapshot={snapshot} shot={shot} />
      <ShotReview session={session} shot={shot} />
    </aside>
  );
}
