import '../styles/timeline.css';
import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SceneId, ShotId } from '../../model/ids';
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
import type { ProjectSession } from '../../store';
import { useAnimaticPlayer } from '../audio/useAnimaticPlayer';
import { DialogueTrack } from './DialogueTrack';
import { MusicControls, MusicLane } from './MusicTrack';
import { FramingEditor } from './FramingEditor';
import { PreviewCanvas } from './PreviewCanvas';
import { RecordOverPreview } from './RecordOverPreview';
import { Ruler, type SceneMarker } from './Ruler';
import { SoundTrack } from './SoundTrack';
import { TransitionMarks } from './TransitionMarks';
import { clipRuns, clipsWithin } from './timelineWindow';
import { useScrollSpan } from './useScrollSpan';
import { VideoClip } from './VideoClip';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly selectedId: ShotId | null;
  readonly onSelect: (id: ShotId) => void;
}

const ZOOM_STEP = 1.5;
/** "Zoom to fit" leaves this much room after the last clip. */
const FIT_MARGIN_PX = 40;

/** A flag at the start of each scene on the timeline, numbered as the script is. */
function sceneMarkers(
  snapshot: ProjectSnapshot,
  shots: readonly { readonly sceneId: string }[],
  layout: readonly { readonly start: number }[],
): SceneMarker[] {
  const scenes = new Map(snapshot.scenes.map((scene) => [scene.id, scene]));
  const markers: SceneMarker[] = [];
  shots.forEach((shot, i) => {
    if (i > 0 && shots[i - 1]?.sceneId === shot.sceneId) return;
    const scene = scenes.get(shot.sceneId as SceneId);
    markers.push({
      atMs: layout[i]?.start ?? 0,
      label: scene ? `Sc ${scene.number}` : 'Scene',
      title: scene ? `Scene ${scene.number}: ${scene.heading}` : 'Scene',
    });
  });
  return markers;
}

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
  const player = useAnimaticPlayer(snapshot);
  const layout = layoutClips(shots.map((s) => s.durationMs));
  const cuts = [0, ...layout.map((c) => c.end)];
  const current = shotAtTime(
    shots.map((s) => s.durationMs),
    Math.min(player.time, Math.max(0, total - 1)),
  );
  const currentShot = current ? shots[current.index] : undefined;
  const markers = sceneMarkers(snapshot, shots, layout);

  // Only clips in the visible time span, a screen either side, and the selected one are mounted.
  const { ref: scrollRef, left, width } = useScrollSpan();
  const fromMs = ((left - width) / zoom) * 1000;
  const toMs = ((left + 2 * width) / zoom) * 1000;
  const selectedIndex = shots.findIndex((s) => s.id === selectedId);
  const runs = clipRuns(layout, clipsWithin(layout, fromMs, toMs), selectedIndex, (t) =>
    timeToX(t, zoom),
  );
  const mounted = new Set(runs.flatMap((r) => shots.slice(r.from, r.to).map((s) => s.id)));

  // A clip the arrows went to may mount only with this render: focus it after.
  const refocus = useRef<ShotId | null>(null);
  useEffect(() => {
    const id = refocus.current;
    refocus.current = null;
    if (id) document.querySelector<HTMLElement>(`[data-clip-id="${id}"] .clip-body`)?.focus();
  });

  // Opening the timeline on a shot far along: scroll it into view.
  useEffect(() => {
    const el = scrollRef.current;
    const clip = layout[selectedIndex];
    if (!el || !clip) return;
    const x = timeToX(clip.start, zoom);
    if (x < el.scrollLeft || x > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, x - el.clientWidth / 3);
    }
    // Only when the timeline opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
    const left = e.key === 'ArrowLeft';
    const right = e.key === 'ArrowRight';
    if ((left || right) && e.altKey) {
      e.preventDefault();
      const place = nudgeTarget(snapshot, id, left ? -1 : 1);
      if (place) {
        session.run('shot/move', { shotId: id, toSceneId: place.sceneId, index: place.index });
      }
    } else if ((left || right) && e.shiftKey) {
      // Shift+arrows trim one frame.
      e.preventDefault();
      const oneFrame = 1000 / frameRate;
      const next = frameAccurateDuration(
        shot.durationMs + (right ? oneFrame : -oneFrame),
        frameRate,
      );
      session.run('shot/update', { shotId: id, patch: { durationMs: next } });
    } else if (left || right) {
      e.preventDefault();
      const at = shots.findIndex((s) => s.id === id) + (left ? -1 : 1);
      const next = shots[at];
      if (next) {
        onSelect(next.id);
        refocus.current = next.id;
      }
    }
  };

  return (
    <section className="timeline-view" aria-label="Timeline" data-region="timeline">
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
        <RecordOverPreview session={session} player={player} />
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
        <button
          type="button"
          className="button quiet"
          disabled={total <= 0}
          onClick={() => {
            const el = scrollRef.current;
            if (!el || total <= 0) return;
            setZoom(clampZoom((el.clientWidth - FIT_MARGIN_PX) / (total / 1000)));
            el.scrollLeft = 0;
          }}
        >
          Zoom to fit
        </button>
        <label className="inline-field">
          <span>Project fps</span>
          <select
            value={frameRate}
            disabled={session.readOnly}
            onChange={(e) =>
              session.run('project/update', { patch: { frameRate: fps(Number(e.target.value)) } })
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
        ref={scrollRef}
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
            fromMs={fromMs}
            toMs={toMs}
            onScrub={(t) => player.scrub(snapTime(t, cuts, zoom, frameRate))}
            markers={markers}
          />
          <div className="track video-track" role="list" aria-label="Video track">
            {runs.map((run) => (
              <Fragment key={`${run.from}`}>
                <div className="clip-gap" style={{ width: run.gapPx }} aria-hidden="true" />
                {shots.slice(run.from, run.to).map((shot, j) => {
                  const i = run.from + j;
                  return (
                    <div
                      role="listitem"
                      key={shot.id}
                      aria-setsize={shots.length}
                      aria-posinset={i + 1}
                    >
                      <VideoClip
                        shot={shot}
                        width={
                          timeToX(layout[i]?.end ?? 0, zoom) - timeToX(layout[i]?.start ?? 0, zoom)
                        }
                        pxPerSecond={zoom}
                        frameRate={frameRate}
                        selected={shot.id === selectedId}
                        onSelect={() => onSelect(shot.id)}
                        onClick={() => player.seek(layout[i]?.start ?? 0)}
                        onKeyDown={onClipKey(shot.id)}
                        onTrim={(durationMs) =>
                          session.run('shot/update', { shotId: shot.id, patch: { durationMs } })
                        }
                      />
                    </div>
                  );
                })}
              </Fragment>
            ))}
            <TransitionMarks
              shots={shots}
              layout={layout}
              pxPerSecond={zoom}
              fromMs={fromMs}
              toMs={toMs}
            />
          </div>
          <DialogueTrack
            shots={shots}
            layout={layout}
            pxPerSecond={zoom}
            shown={(shot) => mounted.has(shot.id)}
          />
          <SoundTrack
            shots={shots}
            layout={layout}
            pxPerSecond={zoom}
            fromMs={fromMs}
            toMs={toMs}
            onSeek={player.seek}
          />
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
        Space starts and pauses · drag the ruler to scrub (you hear it) · click a clip to go to it ·
        drag a clip’s right edge to trim · Shift+arrows trim a frame · Alt+arrows reorder ·
        Ctrl+scroll zooms
      </p>
    </section>
  );
}
