import { useId, useState } from 'react';
import { ASPECT_CHOICES, FRAME_FIT_LABELS } from '../../model/aspect';
import { FRAME_FITS, type AspectRatio, type FrameFit, type ProjectMeta } from '../../model/project';
import type { ProjectSession } from '../../store';

/**
 * The project setting "Aspect ratio", with how frames of the old shape are re-framed
 * (letterbox, crop, extend the canvas). One command, one undo step. Frames are never changed:
 * only how they are shown, so going to 9:16 and back shows exactly what was there; offline
 * sketches redraw at the new ratio by themselves.
 */
export function AspectRatioControl({
  session,
  meta,
}: {
  readonly session: ProjectSession;
  readonly meta: ProjectMeta;
}) {
  const id = useId();
  const [fit, setFit] = useState<FrameFit>(meta.frameFit);
  const apply = (aspectRatio: AspectRatio, frameFit: FrameFit) =>
    session.run('project/update', { patch: { aspectRatio, frameFit } });
  return (
    <fieldset className="aspect-control" disabled={session.readOnly}>
      <label htmlFor={`${id}-ratio`} className="visually-hidden">
        Aspect ratio
      </label>
      <select
        id={`${id}-ratio`}
        value={meta.aspectRatio}
        title="Aspect ratio of every frame, the render and exports"
        onChange={(e) => apply(e.target.value as AspectRatio, fit)}
      >
        {ASPECT_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-fit`} className="visually-hidden">
        Re-frame
      </label>
      <select
        id={`${id}-fit`}
        value={meta.frameFit}
        title="How frames of another shape sit in the frame"
        onChange={(e) => {
          const next = e.target.value as FrameFit;
          setFit(next);
          apply(meta.aspectRatio, next);
        }}
      >
        {FRAME_FITS.map((f) => (
          <option key={f} value={f}>
            {FRAME_FIT_LABELS[f]}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
