import { describe, expect, test } from 'vitest';
import type { CaptionCue } from '../../model/captions';
import { presetFraming } from '../../model/framing';
import { fps } from '../../model/units';
import { renderShot, transition } from '../../../tests/helpers/renderTimeline';
import { buildRenderPlan, frameTimeMs, type RenderShotInput } from '../renderPlan';
import { compositionAt } from './composition';
import { NO_OVERLAYS, type OverlayOptions } from './timeline';
import { transitionLook } from './transitionLook';

function timelineOf(
  shots: RenderShotInput[],
  overlays: OverlayOptions = NO_OVERLAYS,
  captions: CaptionCue[] = [],
) {
  return buildRenderPlan({
    shots,
    frameRate: fps(25),
    width: 1280,
    height: 720,
    overlays,
    captions,
  }).timeline;
}

describe('transition looks', () => {
  test('crossfade lays the incoming shot over the outgoing one at the progress', () => {
    expect(transitionLook('crossfade', 'right', 0.25)).toEqual({
      outgoing: { opacity: 1, clip: null },
      incoming: { opacity: 0.25, clip: null },
      fill: null,
    });
  });

  test('a dip fades out to the colour, then in from it', () => {
    expect(transitionLook('dipToBlack', 'right', 0.25)).toEqual({
      outgoing: { opacity: 1, clip: null },
      incoming: null,
      fill: { colour: '#000000', opacity: 0.5 },
    });
    expect(transitionLook('dipToWhite', 'right', 0.5).fill).toEqual({
      colour: '#ffffff',
      opacity: 1,
    });
    expect(transitionLook('dipToWhite', 'right', 0.75)).toEqual({
      outgoing: null,
      incoming: { opacity: 1, clip: null },
      fill: { colour: '#ffffff', opacity: 0.5 },
    });
  });

  test('a wipe uncovers the incoming shot behind an edge travelling the given way', () => {
    expect(transitionLook('wipe', 'right', 0.3).incoming?.clip).toEqual({
      x: 0,
      y: 0,
      w: 0.3,
      h: 1,
    });
    expect(transitionLook('wipe', 'left', 0.3).incoming?.clip).toEqual({
      x: 0.7,
      y: 0,
      w: 0.3,
      h: 1,
    });
    expect(transitionLook('wipe', 'down', 0.3).incoming?.clip).toEqual({
      x: 0,
      y: 0,
      w: 1,
      h: 0.3,
    });
    const up = transitionLook('wipe', 'up', 0.3).incoming?.clip;
    expect(up?.y).toBeCloseTo(0.7);
    expect(up?.h).toBeCloseTo(0.3);
  });

  test('progress is clamped', () => {
    expect(transitionLook('crossfade', 'right', 2).outgoing).toBeNull();
    expect(transitionLook('crossfade', 'right', -1).incoming).toBeNull();
  });
});

describe('the frame at a time', () => {
  const crossfaded = timelineOf([
    renderShot(0, 2000, { out: transition('crossfade', 1000) }),
    renderShot(1, 2000),
  ]);

  test('outside a transition one shot fills the frame', () => {
    const frame = compositionAt(crossfaded, 500);
    expect(frame.layers).toHaveLength(1);
    expect(frame.layers[0]).toMatchObject({ frameKey: 'frame-0', opacity: 1, clip: null });
    expect(frame.fill).toBeNull();
  });

  test('in the middle of a crossfade both shots are half-way', () => {
    const frame = compositionAt(crossfaded, 2000);
    expect(frame.layers.map((l) => [l.frameKey, l.opacity])).toEqual([
      ['frame-0', 1],
      ['frame-1', 0.5],
    ]);
    expect(compositionAt(crossfaded, 1750).layers[1]?.opacity).toBeCloseTo(0.25);
  });

  test('a camera move runs through the transition halves, from its start to its end framing', () => {
    const zoom = presetFraming('zoom');
    const timeline = timelineOf([
      renderShot(0, 1000, { out: transition('crossfade', 400) }),
      renderShot(1, 2000, { move: 'zoom', out: transition('crossfade', 400) }),
      renderShot(2, 1000),
    ]);
    // Visible from 800 ms (half the incoming dissolve) to 3200 ms (half the outgoing one).
    expect(compositionAt(timeline, 800).layers.at(-1)?.rect).toEqual(zoom.start);
    const late = compositionAt(timeline, 3199.9).layers[0]?.rect;
    expect(late?.w).toBeCloseTo(zoom.end.w, 3);
    const mid = compositionAt(timeline, 2000).layers[0]?.rect;
    expect(mid?.w).toBeGreaterThan(zoom.end.w);
    expect(mid?.w).toBeLessThan(1);
  });

  test('times before the start and after the end show the first and last frames', () => {
    expect(compositionAt(crossfaded, -100).layers[0]?.frameKey).toBe('frame-0');
    expect(compositionAt(crossfaded, 99_999).layers.map((l) => l.frameKey)).toEqual(['frame-1']);
  });

  test('overlays: the caption on screen, the shot on screen (switching at the cut), timecode', () => {
    const captions: CaptionCue[] = [
      { startMs: 2000, endMs: 3000, speaker: 'B', text: 'B: Now.', shotId: 'shot-1' },
    ];
    const timeline = timelineOf(
      [renderShot(0, 2000, { out: transition('crossfade', 1000) }), renderShot(1, 2000)],
      { captions: true, shotNumbers: true, timecode: true },
      captions,
    );
    expect(compositionAt(timeline, 1999).overlay).toEqual({
      caption: null,
      shotLabel: 'Shot 1',
      timecode: '00:00:01:24',
      shotInfo: null,
    });
    expect(compositionAt(timeline, frameTimeMs(50, fps(25))).overlay).toEqual({
      caption: 'B: Now.',
      shotLabel: 'Shot 2',
      timecode: '00:00:02:00',
      shotInfo: null,
    });
  });

  test('the shot info overlay shows each shot its own info, only when asked for', () => {
    const info = (n: number) => ({
      title: `${n} · Close-up`,
      text: `INT. ROOM - DAY — Beat ${n}.`,
    });
    const shots = [
      { ...renderShot(0, 2000), info: info(1) },
      { ...renderShot(1, 2000), info: info(2) },
    ];
    const on = timelineOf(shots, { ...NO_OVERLAYS, shotInfo: true });
    expect(compositionAt(on, 1000).overlay.shotInfo).toEqual(info(1));
    expect(compositionAt(on, 3000).overlay.shotInfo).toEqual(info(2));
    expect(compositionAt(timelineOf(shots), 1000).overlay.shotInfo).toBeNull();
  });
});
