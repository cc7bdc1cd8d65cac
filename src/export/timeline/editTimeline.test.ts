import { describe, expect, test } from 'vitest';
import { SEED, SOUND, timelineProject } from '../../../tests/helpers/timelineProject';
import { buildEditTimeline } from './editTimeline';
import { TIMELINE_RATE_IDS, frameToMs, msToFrame, timelineRate } from './rates';

describe('the project as an edit timeline', () => {
  test.each(TIMELINE_RATE_IDS)(
    'at %s fps the clips are back to back and sum to the animatic',
    (id) => {
      const timeline = buildEditTimeline(timelineProject(), id);
      const rate = timelineRate(id);
      // OMITTED 2A is not on the timeline.
      expect(timeline.clips.map((c) => c.shotNumber)).toEqual(['1', '1A', '1B', '2']);
      let next = 0;
      for (const clip of timeline.clips) {
        expect(clip.recordIn).toBe(next);
        expect(clip.duration).toBeGreaterThan(0);
        next += clip.duration;
      }
      expect(timeline.totalFrames).toBe(next);
      expect(next).toBe(msToFrame(4000 + 2350 + 1001 + 5500, rate));
      // No cut is more than half a frame from the animatic's.
      let cutMs = 0;
      for (const clip of timeline.clips) {
        expect(Math.abs(frameToMs(clip.recordIn, rate) - cutMs)).toBeLessThanOrEqual(
          (500 * rate.den) / rate.num + 1,
        );
        cutMs += clip.durationMs;
      }
    },
  );

  test('at 23.976 a 1001 ms shot is exactly 24 frames', () => {
    const timeline = buildEditTimeline(timelineProject(), '23.976');
    expect(timeline.clips[2]?.duration).toBe(24);
  });

  test('crossfades and dips become transitions centred on the cut', () => {
    const timeline = buildEditTimeline(timelineProject(), '25');
    expect(timeline.transitions).toEqual([
      { outgoing: 0, kind: 'crossfade', cutFrame: 100, inOffset: 7, outOffset: 8 },
      { outgoing: 2, kind: 'dipToBlack', cutFrame: 184, inOffset: 5, outOffset: 5 },
    ]);
  });

  test('each scene gets a marker where its first shot starts', () => {
    const timeline = buildEditTimeline(timelineProject(), '24');
    expect(timeline.markers).toEqual([
      { sceneId: SEED.scene1, sceneNumber: '1', heading: 'INT. GARAGE - NIGHT', frame: 0 },
      { sceneId: SEED.scene2, sceneNumber: '2', heading: 'EXT. ROOF - DAWN', frame: 176 },
    ]);
  });

  test('a pre-lap starts before its shot; frames and sounds are named by shot number', () => {
    const timeline = buildEditTimeline(timelineProject(), '24', (hash) =>
      hash === SOUND ? 'mp3' : hash === SEED.drawn ? 'png' : null,
    );
    expect(timeline.audio).toEqual([
      expect.objectContaining({
        shotId: SEED.shot1A,
        recordIn: 84,
        sourceIn: 0,
        duration: 48,
        lane: 0,
      }),
    ]);
    expect(timeline.audioLanes).toBe(1);
    expect(timeline.media.map((m) => [m.path, m.present])).toEqual([
      ['frames/1.png', false],
      ['frames/1A.png', true],
      ['frames/1B.png', false],
      ['frames/2.png', false],
      ['audio/1A-dialogue.mp3', true],
    ]);
  });

  test('a camera move becomes start and end transforms; a locked-off full frame has none', () => {
    const timeline = buildEditTimeline(timelineProject(), '24');
    expect(timeline.clips[0]?.camera).toBeNull();
    const pan = timeline.clips[1]?.camera;
    expect(pan?.start.scale).toBeCloseTo(1.25);
    expect(pan?.start.x).toBeCloseTo(0.125);
    expect(pan?.end.x).toBeCloseTo(-0.125);
    expect(pan?.start.y).toBeCloseTo(0);
  });

  test('frame height follows the aspect ratio and stays even', () => {
    const project = timelineProject();
    const scope = buildEditTimeline(
      { ...project, meta: { ...project.meta, aspectRatio: '2.39:1' } },
      '24',
    );
    expect(scope.width).toBe(1920);
    expect(scope.height).toBe(804);
  });
});
