import { useEffect, useRef } from 'react';
import type { ShotId } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import { formatTimecode, shotAtTime, shotStartTimes } from '../../model/timeline';
import { ms } from '../../model/units';
import { useAnimaticPlayer } from '../audio/useAnimaticPlayer';
import { PreviewCanvas } from '../timeline/PreviewCanvas';
import { useModalLayer } from '../common/useModalLayer';
import { secondsText } from '../common/format';

interface Props {
  readonly snapshot: ProjectSnapshot;
  readonly startShotId: ShotId | null;
  /** Called with the shot on screen when play mode ends, so the board can follow. */
  readonly onClose: (shotId: ShotId | null) => void;
}

/** Play mode draws larger than the editor's preview: it fills the window. */
const PLAY_HEIGHT_PX = 720;

/**
 * The animatic, full window: drawn by the render's compose functions (camera moves, transitions,
 * captions) with its sound, as the timeline preview and the rendered file show it. Space
 * plays/pauses, arrows step a shot, the position bar seeks.
 */
export function PlayMode({ snapshot, startShotId, onClose }: Props) {
  const shots = timelineShots(snapshot);
  const durations = shots.map((s) => s.durationMs);
  const starts = shotStartTimes(durations);
  const startIndex = Math.max(
    0,
    shots.findIndex((s) => s.id === startShotId),
  );
  const player = useAnimaticPlayer(snapshot, { startMs: starts[startIndex] ?? 0, autoplay: true });
  const total = player.totalMs;
  const index = shotAtTime(durations, Math.min(player.time, Math.max(0, total - 1)))?.index ?? 0;
  const shot = shots[index];
  const fps = snapshot.meta.frameRate;

  useEffect(() => {
    const step = (delta: number) => {
      const to = Math.max(0, Math.min(shots.length - 1, index + delta));
      player.seek(starts[to] ?? 0);
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest('input[type="range"]') && e.key !== ' ') {
        return; // the position bar's own arrows
      }
      if (e.key === ' ' || e.key === 'k') player.toggle();
      else if (e.key === 'ArrowRight') step(1);
      else if (e.key === 'ArrowLeft') step(-1);
      else if (e.key === 'Home') player.seek(0);
      else if (e.key === 'Escape') onClose(shot?.id ?? null);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player, onClose, shot, index, shots.length, starts]);

  const layerRef = useRef<HTMLDivElement>(null);
  useModalLayer(layerRef);

  if (!shot) return null;
  const stepTo = (delta: number) =>
    player.seek(starts[Math.max(0, Math.min(shots.length - 1, index + delta))] ?? 0);
  return (
    <div
      ref={layerRef}
      className="play-mode"
      role="dialog"
      aria-modal="true"
      aria-label="Play mode"
    >
      <div className="play-stage">
        <PreviewCanvas
          snapshot={snapshot}
          timeMs={player.time}
          heightPx={PLAY_HEIGHT_PX}
          className="play-canvas"
        />
      </div>
      <div className="play-caption">
        <p className="play-shot">
          <strong>{shot.number}</strong> · {shot.shotType} · {secondsText(shot.durationMs)}s
        </p>
      </div>
      <div className="play-controls">
        <button
          className="button"
          type="button"
          onClick={() => stepTo(-1)}
          aria-label="Previous shot"
        >
          ◀
        </button>
        <button className="button primary" type="button" onClick={player.toggle}>
          {player.playing ? 'Pause' : 'Resume'}
        </button>
        <button className="button" type="button" onClick={() => stepTo(1)} aria-label="Next shot">
          ▶
        </button>
        <input
          type="range"
          className="play-position"
          min={0}
          max={total}
          step={1}
          value={Math.round(player.time)}
          aria-label="Playback position"
          aria-valuetext={formatTimecode(ms(player.time), fps)}
          onChange={(e) => player.scrub(Number(e.target.value))}
        />
        <span className="timecode" aria-label="Timecode">
          {formatTimecode(ms(player.time), fps)}
        </span>
        <span className="muted">
          {index + 1} / {shots.length}
        </span>
        <button className="button quiet" type="button" onClick={() => onClose(shot.id)}>
          Stop
        </button>
      </div>
    </div>
  );
}
