import { describe, expect, test } from 'vitest';
import { frameToMs, msToFrame, rateFromFps, rateFromTimebase, timelineRate } from './rates';
import { frameToTimecode, programmeStartFrame, timecodeToFrame } from './timecode';

const df = timelineRate('29.97');

describe('drop-frame timecode at 29.97', () => {
  test.each([
    [0, '00:00:00;00'],
    [1799, '00:00:59;29'],
    [1800, '00:01:00;02'],
    [3597, '00:01:59;29'],
    [3598, '00:02:00;02'],
    [17981, '00:09:59;29'],
    [17982, '00:10:00;00'],
    [17983, '00:10:00;01'],
    [19781, '00:10:59;29'],
    [19782, '00:11:00;02'],
    [107892, '01:00:00;00'],
    [2589407, '23:59:59;29'],
  ])('frame %i is %s and back', (frame, timecode) => {
    expect(frameToTimecode(frame, df)).toBe(timecode);
    expect(timecodeToFrame(timecode, df)).toBe(frame);
  });

  test('every frame of the first twenty minutes survives the trip', () => {
    for (let frame = 0; frame < 36_000; frame++) {
      expect(timecodeToFrame(frameToTimecode(frame, df), df)).toBe(frame);
    }
  });
});

describe('non-drop timecode', () => {
  test('counts whole timebase frames per second', () => {
    expect(frameToTimecode(86_400, timelineRate('24'))).toBe('01:00:00:00');
    expect(frameToTimecode(86_400, timelineRate('23.976'))).toBe('01:00:00:00');
    expect(frameToTimecode(90_000, timelineRate('25'))).toBe('01:00:00:00');
    expect(frameToTimecode(108_000, timelineRate('30'))).toBe('01:00:00:00');
    expect(frameToTimecode(1_831, timelineRate('30'))).toBe('00:01:01:01');
    expect(timecodeToFrame('00:00:01:24', timelineRate('24'))).toBeNull();
    expect(timecodeToFrame('nonsense', timelineRate('24'))).toBeNull();
  });

  test('the programme starts at one hour', () => {
    expect(programmeStartFrame(df)).toBe(107_892);
    expect(programmeStartFrame(timelineRate('25'))).toBe(90_000);
  });
});

describe('rational rates', () => {
  test('23.976 is 24000/1001: a minute of clock is 1438.56 frames, not 1440', () => {
    const rate = timelineRate('23.976');
    expect(msToFrame(60_000, rate)).toBe(1439);
    expect(msToFrame(60_060, rate)).toBe(1440);
    expect(frameToMs(1440, rate)).toBe(60_060);
    expect(msToFrame(1001, rate)).toBe(24);
  });

  test('rates are recognised from what files declare', () => {
    expect(rateFromFps(23.976023976023978)?.id).toBe('23.976');
    expect(rateFromFps(29.97)?.id).toBe('29.97');
    expect(rateFromFps(25)?.id).toBe('25');
    expect(rateFromFps(60)).toBeNull();
    expect(rateFromTimebase(30, true)?.id).toBe('29.97');
    expect(rateFromTimebase(24, false)?.id).toBe('24');
  });
});
