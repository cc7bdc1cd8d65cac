import { useEffect, useRef } from 'react';
import type { AssetHash } from '../../model/ids';
import { useAssetUrl } from '../common/useAssetUrl';

interface Props {
  readonly hash: AssetHash;
  readonly label: string;
  /** Time into the shot, ms: where the clip is when play mode pauses or jumps. */
  readonly atMs: number;
  readonly playing: boolean;
}

/** Past this much drift from play mode's clock the clip is put back in step. */
const DRIFT_S = 0.25;

/**
 * A shot's clip in play mode: it plays while play mode plays, muted (the animatic's sound is the
 * shots' own), and holds its last frame if the shot outlasts it, as in the render; the shot's
 * end cuts it.
 */
export function PlayClip({ hash, label, atMs, playing }: Props) {
  const url = useAssetUrl(hash);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const wanted = atMs / 1000;
    const end = Number.isFinite(element.duration) ? element.duration : Infinity;
    if (wanted < end && Math.abs(element.currentTime - wanted) > DRIFT_S)
      element.currentTime = wanted;
    if (playing && wanted < end) void element.play().catch(() => undefined);
    else element.pause();
  }, [atMs, playing]);

  return url ? (
    <video ref={video} src={url} muted playsInline preload="auto" aria-label={label} />
  ) : (
    <div className="board-placeholder">Clip not on this device</div>
  );
}
