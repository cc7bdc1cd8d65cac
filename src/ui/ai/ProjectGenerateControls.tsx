import { useCallback, useState } from 'react';
import { stylesOf } from '../../ai/frames/stylePresets';
import { styleChange } from '../../ai/sketchForShot';
import { timelineShots, type ProjectMeta } from '../../model/project';
import type { ProjectSession } from '../../store';
import { QueuePanel } from './QueuePanel';
import { startGeneration } from './startGeneration';
import { StyleDialog } from './StyleDialog';
import { useAi } from './useAi';
import { useFrameQueue } from './useFrameQueue';

const NEW_STYLE = '__new__';

/** In the project toolbar: the project's frame style, "Generate all frames", and the queue panel. */
export function ProjectGenerateControls({
  session,
  meta,
  anyShots,
}: {
  readonly session: ProjectSession;
  readonly meta: ProjectMeta;
  /** Some shot is on the timeline (the list itself is only worked out on click). */
  readonly anyShots: boolean;
}) {
  const ai = useAi();
  const { runner, view } = useFrameQueue(session);
  const [addingStyle, setAddingStyle] = useState(false);
  const closeStyle = useCallback(() => setAddingStyle(false), []);
  const styles = stylesOf(meta);
  return (
    <>
      <select
        className="ai-style-select"
        aria-label="Frame style"
        value={
          styles.some((s) => s.id === meta.stylePresetId) ? meta.stylePresetId : 'storyboard-marker'
        }
        disabled={session.readOnly}
        onChange={(e) => {
          if (e.target.value === NEW_STYLE) setAddingStyle(true);
          else
            session.run('project/update', {
              patch: styleChange(meta, { stylePresetId: e.target.value }),
            });
        }}
      >
        {styles.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        <option value={NEW_STYLE}>New style…</option>
      </select>
      <button
        type="button"
        className="button"
        disabled={session.readOnly || !anyShots || !runner}
        title="Generate a frame for every shot of the project"
        onClick={() =>
          void startGeneration(
            ai,
            runner,
            'Whole project',
            timelineShots(session.getState().snapshot).map((s) => s.id),
          )
        }
      >
        Generate all frames
      </button>
      <QueuePanel runner={runner} view={view} projectId={session.id} />
      {addingStyle ? <StyleDialog session={session} styles={styles} onClose={closeStyle} /> : null}
    </>
  );
}
