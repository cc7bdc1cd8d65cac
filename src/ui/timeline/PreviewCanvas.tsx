import { useEffect, useMemo, useRef } from 'react';
import { captionsFor } from '../../model/captions';
import { framingFor } from '../../model/framing';
import { aspectValue, timelineShots, type ProjectSnapshot } from '../../model/project';
import {
  buildCompositionTimeline,
  compositionAt,
  drawComposition,
  type ComposeContext,
} from '../../render/compose';
import { useClipFrames } from './useClipFrames';
import { usePictures } from './usePictures';

/** The preview draws at this height; CSS scales it to the space it has. */
const PREVIEW_HEIGHT_PX = 540;

interface Props {
  readonly snapshot: ProjectSnapshot;
  readonly timeMs: number;
  /** Drawing height in pixels (CSS scales the canvas): Play mode draws larger than the editor. */
  readonly heightPx?: number;
  readonly className?: string;
}

/**
 * The animatic at the playhead, drawn by the same compositing code the render worker runs
 * (render/compose): camera moves, transitions and captions look here as they will in the file.
 */
export function PreviewCanvas({
  snapshot,
  timeMs,
  heightPx = PREVIEW_HEIGHT_PX,
  className = 'preview-canvas',
}: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const aspect = aspectValue(snapshot.meta.aspectRatio);
  const width = Math.round((heightPx * aspect) / 2) * 2;
  const timeline = useMemo(() => {
    const shots = timelineShots(snapshot);
    return buildCompositionTimeline(
      shots.map((shot) => ({
        id: shot.id,
        durationMs: shot.durationMs,
        frameKey: shot.frameHash,
        label: shot.number,
        framing: framingFor(shot),
        transitionOut: shot.transitionOut,
        clipKey: shot.clipHash,
      })),
      {
        frameRate: snapshot.meta.frameRate,
        overlays: { captions: true, shotNumbers: false, timecode: false },
        captions: captionsFor(snapshot),
        fit: snapshot.meta.frameFit,
      },
    );
  }, [snapshot]);
  const pictures = usePictures(snapshot.shots.map((s) => s.frameHash));
  const frame = useMemo(
    () =>
      timeline.shots.length === 0
        ? null
        : compositionAt(timeline, Math.min(timeMs, Math.max(0, timeline.totalMs - 1))),
    [timeline, timeMs],
  );
  const clips = useClipFrames(
    snapshot.shots.map((s) => s.clipHash),
    frame,
  );

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || frame === null) return;
    drawComposition(
      ctx as ComposeContext,
      { width, height: heightPx },
      frame,
      pictures,
      clips.lookup,
    );
  }, [frame, pictures, width, heightPx, clips.lookup]);

  return (
    <canvas
      ref={canvas}
      className={className}
      width={width}
      height={heightPx}
      style={{ aspectRatio: String(aspect) }}
      aria-label="Animatic preview"
      role="img"
    />
  );
}
