import '../styles/timeline.css';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ShotId } from '../../model/ids';
import {
  FRAME_RATES,
  timelineShots,
  totalDuration,
  type ProjectSnapshot,
} from '../../model/project';
import { nudgeTarget } from '../../model/reorder';
import { formatTimecode, shotAtTime } from '../../model/timeline';
import {
  clampZoom,
  DEFAULT_ZOOM_PX_PER_S,
  frameAccurateDuration,
  layoutClips,
  snapTime,
  timeToX,
} from '../../model/timelineEdit';
import { fps, ms } from '../../model/units';
import { projectDoc, type ProjectSession } from '../../store';
import { DialogueTrack } from './DialogueTrack';
import { MusicControls, MusicLane } from './MusicTrack';
import { FramingEditor } from './FramingEditor';
import { PreviewCanvas } from './PreviewCanvas';
import { Ruler } from './Ruler';
import { useTimelinePlayer } from './useTimelinePlayer';
import { VideoClip } from './VideoClip';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly selectedId: ShotId | null;
  readonly onSelect: (id: ShotId) => void;
}

const ZOOM_STEP = 1.5;

/**
 * The animatic on a timeline: preview above, tracks below. A real playhead (click or drag the
 * ruler, snapping to cuts and frames), zoom, trimming by dragging a clip's edge (later clips
 * ripple), reordering by keyboard, undo/redo through the session, timecode at the project rate.
 */
export function TimelineView({ session, snapshot, selectedId, onSelect }: Props) {
  const shots = timelineShots(snapshot);
  const total = totalDuration(snapshot);
  const frameRate = snapshot.meta.frameRate;
  const [zoom, setZoom] = useState(DEFAULT_ZOOM_PX_PER_S);
  const player = useTimelinePlayer(total);
  const layout = layoutClips(shots.map((s) => s.durationMs));
  const cuts = [0, ...layout.map((c) => c.end)];
  const current = shotAtTime(
    shots.map((s) => s.durationMs),
    Math.min(player.time, Math.max(0, total - 1)),
  );
  const currentShot = current ? shots[current.index] : undefined;

  // Space plays and pauses the preview unless a field has the keyboard.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== ' ' || target?.closest('input, textarea, select, button')) return;
      e.preventDefault();
      player.toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);

  const onClipKey = (id: ShotId) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const shot = shots.find((s) => s.id === id);
    if (!shot) return;
    // Each key press is its own undo step (typing merges; discrete edits must not).
    session.undoManager.stopCapturing();
    const left = e.key === 'ArrowLeft';
    const right = e.key === 'ArrowRight';
    if ((left || right) && e.altKey) {
      e.preventDefault();
      const place = nudgeTarget(snapshot, id, left ? -1 : 1);
      if (place) projectDoc.moveShot(session.doc, id, place.sceneId, place.index);
    } else if ((left || right) && e.shiftKey) {
      // Shift+arrows trim one frame.
      e.preventDefault();
      const oneFrame = 1000 / frameRate;
      const next = frameAccurateDuration(
        shot.durationMs + (right ? oneFrame : -oneFrame),
        frameRate,
      );
      projectDoc.updateShot(session.doc, id, { durationMs: next });
    } else if (left || right) {
      e.preventDefault();
      const at = shots.findIndex((s) => s.id === id) + (left ? -1 : 1);
      const next = shots[at];
      if (next)
        document.querySelector<HTMLElement>(`[data-clip-id="${next.id}"] .clip-body`)?.focus();
    }
  };

  return (
    <section className="timeline-view" aria-label="Timeline">
      <div className="preview-stage">
        <PreviewCanvas snapshot={snapshot} timeMs={player.time} />
        {currentShot ? (
          <FramingEditor key={currentShot.id} session={session} shot={currentShot} />
        ) : null}
      </div>
      <div className="timeline-bar">
        <button
          type="button"
          className="button"
          onClick={player.toggle}
          disabled={shots.length === 0}
        >
          {player.playing ? 'Pause preview' : 'Start preview'}
        </button>
        <span className="timecode" aria-label="Playhead timecode">
          {formatTimecode(ms(player.time), frameRate)}
        </span>
        <span className="muted">/ {formatTimecode(total, frameRate)}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button quiet"
          aria-label="Zoom out"
          onClick={() => setZoom((z) => clampZoom(z / ZOOM_STEP))}
        >
          −
        </button>
        <button
          type="button"
          className="button quiet"
          aria-label="Zoom in"
          onClick={() => setZoom((z) => clampZoom(z * ZOOM_STEP))}
        >
          +
        </button>
        <label className="inline-field">
          <span>Project fps</span>
          <select
            value={frameRate}
            disabled={session.readOnly}
            onChange={(e) =>
              projectDoc.updateMeta(session.doc, { frameRate: fps(Number(e.target.value)) })
            }
          >
            {FRAME_RATES.map((rate) => (
              <option key={rate} value={rate}>
                {rate}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        className="timeline-scroll"
        onWheel={(e) => {
          if (!e.ctrlKey) return;
          e.preventDefault();
          setZoom((z) => clampZoom(e.deltaY < 0 ? z * 1.1 : z / 1.1));
        }}
      >
        <div className="timeline-content" style={{ width: timeToX(total, zoom) + 200 }}>
          <Ruler
            totalMs={total}
            pxPerSecond={zoom}
            frameRate={frameRate}
            onScrub={(t) => player.seek(snapTime(t, cuts, zoom, frameRate))}
          />
          <div className="track video-track" role="list" aria-label="Video track">
            {shots.map((shot, i) => (
              <div role="listitem" key={shot.id}>
                <VideoClip
                  shot={shot}
                  width={timeToX(layout[i]?.end ?? 0, zoom) - timeToX(layout[i]?.start ?? 0, zoom)}
                  pxPerSecond={zoom}
                  frameRate={frameRate}
                  selected={shot.id === selectedId}
                  onSelect={() => onSelect(shot.id)}
                  onKeyDown={onClipKey(shot.id)}
                  onTrim={(durationMs) =>
                    projectDoc.updateShot(session.doc, shot.id, { durationMs })
                  }
                />
              </div>
            ))}
          </div>
          <DialogueTrack shots={shots} layout={layout} pxPerSecond={zoom} />
          <MusicLane music={snapshot.meta.music} totalMs={total} pxPerSecond={zoom} />
          <div
            className="playhead"
            style={{ left: timeToX(player.time, zoom) }}
            aria-hidden="true"
          />
        </div>
      </div>
      <MusicControls session={session} music={snapshot.meta.music} />
      <p className="muted keyboard-hint">
        Space starts and pauses · drag the ruler to scrub · drag a clip’s right edge to trim ·
        Shift+arrows trim a frame · Alt+arrows reorder · Ctrl+scroll zooms
      </p>
    </section>
  );
}
