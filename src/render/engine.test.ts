import { describe, expect, test } from 'vitest';
import { chooseEngine } from './engine';
import type { OutputSpec } from './renderTypes';

const spec = (over: Partial<OutputSpec>): OutputSpec => ({
  format: 'mp4',
  codec: 'avc',
  bitrate: 1_000_000,
  engine: 'auto',
  ...over,
});

describe('choosing the encoder', () => {
  test('WebCodecs when the browser has the codec, ffmpeg.wasm when it has not', () => {
    expect(chooseEngine(spec({}), true)).toEqual({ engine: 'webcodecs' });
    expect(chooseEngine(spec({}), false)).toEqual({ engine: 'ffmpeg' });
    expect(chooseEngine(spec({ format: 'webm', codec: 'vp9' }), false)).toEqual({
      engine: 'ffmpeg',
    });
  });

  test('GIF is always ffmpeg.wasm', () => {
    expect(chooseEngine(spec({ format: 'gif', codec: null }), true)).toEqual({ engine: 'ffmpeg' });
  });

  test('a forced engine is honoured, or the render says why it cannot be', () => {
    expect(chooseEngine(spec({ engine: 'ffmpeg' }), true)).toEqual({ engine: 'ffmpeg' });
    expect(chooseEngine(spec({ engine: 'webcodecs' }), false)).toMatchObject({
      error: expect.stringMatching(/cannot encode H\.264/),
    });
  });

  test('AV1 without a WebCodecs encoder cannot be made at all', () => {
    expect(chooseEngine(spec({ codec: 'av1' }), false)).toMatchObject({
      error: expect.stringMatching(/AV1/),
    });
    expect(chooseEngine(spec({ codec: 'av1', engine: 'ffmpeg' }), true)).toMatchObject({
      error: expect.stringMatching(/ffmpeg\.wasm cannot encode AV1/),
    });
  });
});
