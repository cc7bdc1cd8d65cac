import { useEffect, useRef, useState } from 'react';
import { sketchInputFor, sketchLookOf } from '../../ai/sketchForShot';
import { sketchSignature } from '../../ai/sketch/sketchInput';
import { aspectValue, type ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { useServices } from '../app/servicesContext';
import { inertObjectUrl } from '../common/objectUrl';

/** Thumbnails are drawn small: the plan shows many at once, and each is redrawn as it is edited. */
const THUMB_LONG_SIDE_PX = 360;
/** Typing in a board's words redraws its sketch once the typing pauses. */
const REDRAW_AFTER_MS = 400;

/**
 * A planned shot as the offline sketch its board will open with (the same generator, on this
 * device, nothing paid): the plan is seen as boards before it is accepted.
 */
export function PlanSketch({
  plan,
  shot,
}: {
  readonly plan: ProjectSnapshot;
  readonly shot: Shot;
}) {
  const { sketch } = useServices();
  const aspect = aspectValue(plan.meta.aspectRatio);
  const scene = plan.scenes.find((s) => s.id === shot.sceneId);
  const input = sketchInputFor(shot, scene, plan.characters, aspect, sketchLookOf(plan.meta));
  const signature = sketchSignature(input);
  const [url, setUrl] = useState<string | null>(null);
  const [trouble, setTrouble] = useState<string | null>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    const width = aspect >= 1 ? THUMB_LONG_SIDE_PX : Math.round(THUMB_LONG_SIDE_PX * aspect);
    const height = aspect >= 1 ? Math.round(THUMB_LONG_SIDE_PX / aspect) : THUMB_LONG_SIDE_PX;
    const timer = setTimeout(() => {
      sketch(input, width, height).then(
        (bytes) => {
          if (!live) return;
          const made = inertObjectUrl(new Blob([bytes.slice()], { type: 'image/png' }));
          // The previous picture stayed shown while this one was drawn; now it can go.
          if (shown.current) URL.revokeObjectURL(shown.current);
          shown.current = made;
          setUrl(made);
          setTrouble(null);
        },
        (error: unknown) => {
          if (live) setTrouble(error instanceof Error ? error.message : String(error));
        },
      );
    }, REDRAW_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The signature stands for the input: redraw only when what the sketch shows changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, sketch]);
  useEffect(
    () => () => {
      if (shown.current) URL.revokeObjectURL(shown.current);
    },
    [],
  );
  return (
    <figure className="idea-board-sketch" style={{ aspectRatio: String(aspect) }}>
      {url ? (
        <img src={url} alt={`Sketch of shot ${shot.number}`} />
      ) : (
        <span className="muted">{trouble ? `No sketch: ${trouble}` : 'Sketching…'}</span>
      )}
    </figure>
  );
}
