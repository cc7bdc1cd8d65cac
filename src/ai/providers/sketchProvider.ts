import { ProviderError } from './errors';
import type { ProviderAdapter } from './types';
import type { SketchInput } from '../sketch/sketchInput';
import { sketchSize } from '../sketchForShot';

/** Draws a sketch and returns PNG bytes (the sketch worker in the app, a fake in tests). */
export type DrawSketch = (input: SketchInput, width: number, height: number) => Promise<Uint8Array>;

export const SKETCH_PROVIDER_ID = 'sketch';

/**
 * The offline sketch generator as an image provider: no key, no network, always there. It ends
 * every image chain, so a batch never leaves a shot without a frame because every service failed.
 */
export function createSketchAdapter(draw: DrawSketch): ProviderAdapter {
  return {
    kind: 'sketch',
    capabilities: new Set(['image']),
    modelFor: () => 'offline sketch',

    async image(request, ctx) {
      if (!request.sketch)
        throw new ProviderError('unsupported', 'The offline sketch needs a shot to draw.');
      if (ctx.signal.aborted) throw new ProviderError('cancelled', 'The call was stopped.');
      const { width, height } = sketchSize(request.sketch.aspectRatio);
      const bytes = await draw(request.sketch, width, height);
      return {
        bytes: new Uint8Array(bytes),
        mimeType: 'image/png',
        usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
      };
    },

    testConnection: () => Promise.resolve('The offline sketch generator is always available.'),
  };
}
