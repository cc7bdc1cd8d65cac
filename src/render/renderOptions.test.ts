import { describe, expect, test } from 'vitest';
import { fps } from '../model/units';
import {
  codecFor,
  defaultRenderOptions,
  frameRateLabel,
  frameRatesFor,
  holdStrategyFor,
  outputSize,
  videoBitrate,
} from './renderOptions';

describe('render options', () => {
  test('defaults: MP4 H.264 at 720p and the project frame rate', () => {
    const options = defaultRenderOptions(fps(25));
    expect(options).toMatchObject({
      format: 'mp4',
      videoCodec: 'avc',
      resolution: 720,
      frameRate: 25,
      frameRateMode: 'constant',
    });
    expect(holdStrategyFor(options.frameRateMode)).toBe('cfr');
    expect(holdStrategyFor('variable')).toBe('repeat-1s');
    expect(outputSize(options, 16 / 9)).toEqual({ width: 1280, height: 720 });
  });

  test('sizes keep the project aspect ratio; GIFs are 480 px wide by default', () => {
    const options = defaultRenderOptions(fps(24));
    expect(outputSize({ ...options, resolution: 2160 }, 16 / 9)).toEqual({
      width: 3840,
      height: 2160,
    });
    expect(outputSize({ ...options, resolution: 1080 }, 2.39)).toEqual({
      width: 1920,
      height: 804,
    });
    expect(outputSize({ ...options, format: 'gif' }, 16 / 9)).toEqual({ width: 480, height: 270 });
  });

  test('quality maps to a bitrate that scales with pixels and frame rate', () => {
    const hd = { width: 1920, height: 1080 };
    const high = videoBitrate('high', 'avc', hd, 30);
    expect(high).toBeGreaterThan(5_000_000);
    expect(high).toBeLessThan(8_000_000);
    expect(videoBitrate('low', 'avc', hd, 30)).toBeLessThan(videoBitrate('medium', 'avc', hd, 30));
    expect(videoBitrate('high', 'vp9', hd, 30)).toBeLessThan(high);
    expect(videoBitrate('low', 'avc', { width: 2, height: 2 }, 1)).toBe(200_000);
  });

  test('a codec the container cannot carry falls back to its default', () => {
    expect(codecFor({ format: 'webm', videoCodec: 'avc' })).toBe('vp9');
    expect(codecFor({ format: 'mp4', videoCodec: 'av1' })).toBe('av1');
    expect(codecFor({ format: 'gif', videoCodec: 'avc' })).toBeNull();
  });

  test('GIFs offer slower frame rates than video', () => {
    expect(frameRatesFor('gif')).toEqual([10, 12, 15]);
    expect(frameRatesFor('mp4').map(frameRateLabel)).toEqual(['23.976', '24', '25', '29.97', '30']);
  });
});
