import { describe, expect, test } from 'vitest';
import { SEED, timelineProject } from '../../../tests/helpers/timelineProject';
import { buildEditTimeline } from './editTimeline';
import { writeEdl } from './edlWriter';

describe('CMX 3600 EDL writer', () => {
  test('29.97 is drop frame with ; separators, starting at 01:00:00;00', () => {
    const edl = writeEdl(buildEditTimeline(timelineProject(), '29.97'));
    const lines = edl.split('\n');
    expect(lines[0]).toBe('TITLE: The Last Birthday Card');
    expect(lines[1]).toBe('FCM: DROP FRAME');
    expect(lines[4]).toBe(
      '001  AX       V     C        00:00:00;00 00:00:03;21 01:00:00;00 01:00:03;21',
    );
    expect(edl).toContain(`* FRAMELINE SHOT: ${SEED.shot1A}`);
    expect(edl).toContain('* FROM CLIP NAME: 1.png');
  });

  test('a crossfade is a zero-length cut then a dissolve of its length', () => {
    const edl = writeEdl(buildEditTimeline(timelineProject(), '25'));
    // 600 ms at 25 fps = 15 frames, 7 before the cut at frame 100 and 8 after it.
    expect(edl).toContain(
      '001  AX       V     C        00:00:00:00 00:00:03:18 01:00:00:00 01:00:03:18',
    );
    expect(edl).toContain(
      '002  AX       V     C        00:00:03:18 00:00:03:18 01:00:03:18 01:00:03:18\n' +
        '002  AX       V     D    015 00:00:00:00 00:00:02:16 01:00:03:18 01:00:06:09',
    );
    expect(edl).toContain('* TO CLIP NAME: 1A.png');
  });

  test('24 fps is non-drop; scenes are LOC comments; the pre-lap is an audio event', () => {
    const edl = writeEdl(buildEditTimeline(timelineProject(), '24'));
    expect(edl).toContain('FCM: NON-DROP FRAME');
    expect(edl).toContain('* LOC: 01:00:00:00 GREEN   1 INT. GARAGE - NIGHT');
    expect(edl).toMatch(
      /^005 {2}AX {7}A {5}C {8}00:00:00:00 00:00:02:00 01:00:03:12 01:00:05:12$/m,
    );
    expect(edl.split('\n').every((line) => line.length <= 128)).toBe(true);
  });
});
