import { describe, expect, test } from 'vitest';
import { readMedia } from '../../../tests/helpers/fixtures';
import { scriptedSvg } from '../../../tests/helpers/hostileAssets';
import { ProviderError } from './errors';
import { audioResult, imageResult } from './media';

/** What a provider sends is checked like any other asset: by its bytes (model/mediaType.ts). */
describe('provider results', () => {
  test('an image result is typed by its bytes', () => {
    expect(imageResult(new Uint8Array(readMedia('tiny.webp'))).mimeType).toBe('image/webp');
  });

  test('an SVG with a script is not an image result', () => {
    expect(() => imageResult(scriptedSvg('provider'))).toThrow(ProviderError);
  });

  test('sound is typed by its bytes; a declared audio type does not make a page audio', () => {
    expect(audioResult(new Uint8Array(readMedia('tiny.wav')), 'audio/mpeg').mimeType).toBe(
      'audio/wav',
    );
    const page = new Uint8Array(Buffer.from('<html><script>alert(1)</script></html>'));
    expect(() => audioResult(page, 'audio/mpeg')).toThrow(/not audio/);
    expect(() => audioResult(new Uint8Array(readMedia('tiny.png')), 'audio/mpeg')).toThrow(
      /not audio/,
    );
  });
});
