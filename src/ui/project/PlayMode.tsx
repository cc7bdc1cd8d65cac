import { useEffect } from 'react';
import type { ShotId } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import { formatTimecode } from '../../model/timeline';
import { ms } from '../../model/units';
import { useAssetUrl } from '../common/useAssetUrl';
import { PlayClip } from './PlayClip';
import { usePlayback } from './usePlayback';

interface Props {
  readonly snapshot: ProjectSnapshot;
  readonly startShotId: ShotId | null;
  /** Called with the shot on screen when play mode ends, so the board can follow. */
  readonly onClose: (shotId: ShotId | null) => void;
}

/** Full-window playback of the boards with their timing. Space plays/pauses, arrows step. */
export function PlayMode({ snapshot, startShotId, onClose }: Props) {
  const shots = timelineShots(snapshot);
  const startIndex = Math.max(
    0,
    shots.findIndex((s) => s.id === startShotId),
  );
  const playback = usePlayback(
    shots.map((s) => s.durationMs),
    startIndex,
  );
  const shot = shots[playback.index];
  const url = useAssetUrl(shot?.frameHash ?? null);
  const total = shots.reduce((sum, s) => sum + s.durationMs, 0);
  const shotStart = shots.slice(0, playback.index).reduce((sum, s) => sum + s.durationMs, 0);
  const fps = snapshot.meta.frameRate;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ' ' || e.key === 'k') playback.toggle();
      else if (e.key === 'ArrowRight') playback.step(1);
      else if (e.key === 'ArrowLeft') playback.step(-1);
      else if (e.key === 'Home') playback.seekToShot(0);
      else if (e.key === 'Escape') onClose(shot?.id ?? null);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playback, onClose, shot]);

  if (!shot) return null;
  const line = shot.dialogue[0];
  return (
    <div className="play-mode" role="dialog" aria-modal="true" aria-label="Play mode">
      <div className="play-stage">
        {shot.clipHash !== null ? (
          <PlayClip
            key={shot.id}
            hash={shot.clipHash}
            label={`Clip of shot ${shot.number}`}
            atMs={playback.time - shotStart}
            playing={playback.playing}
          />
        ) : url ? (
          <img src={url} alt={`Frame of shot ${shot.number}`} />
        ) : (
          <div className="board-placeholder">No frame yet</div>
        )}
      </div>
      <div className="play-caption">
        <p className="play-shot">
          <strong>{shot.number}</strong> · {shot.shotType} · {shot.durationMs / 1000}s
        </p>
        <p>{line ? `${line.speaker}: ${line.line}` : shot.action}</p>
      </div>
      <div className="play-controls">
        <button
          className="button"
          type="button"
          onClick={() => playback.step(-1)}
          aria-label="Previous shot"
        >
          ◀
        </button>
        <button className="button primary" type="button" onClick={playback.toggle}>
          {playback.playing ? 'Pause' : 'Resume'}
        </button>
        <button
          className="button"
          type="button"
          onClick={() => playback.step(1)}
          aria-label="Next shot"
        >
          ▶
        </button>
        <progress
          className="progress"
          max={total}
          value={playback.time}
          aria-label="Playback position"
        />
        <span className="timecode" aria-label="Timecode">
          {formatTimecode(ms(playback.time), fps)}
        </span>
        <span className="muted">
          {playback.index + 1} / {shots.length}
        </span>
        <button className="button quiet" type="button" onClick={() => onClose(shot.id)}>
          Stop
        </button>
      </div>
    </div>
  );
}
