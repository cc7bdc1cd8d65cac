import { z } from 'zod';
import { ProviderError } from './errors';
import { bearer, joinUrl, parseShape, sendForBytes, sendJson } from './http';
import { blobOf, imageResult } from './media';
import type { AdapterOptions } from './options';
import { nearestAspectName } from './sizes';
import type { ProviderAdapter } from './types';

/** Stability AI Stable Image (v2beta, multipart form in, image bytes out). */

export const STABILITY_DEFAULTS = {
  baseUrl: 'https://api.stability.ai',
  model: 'core',
  /** Not a model the person picks: the name the log and the price table know the call by. */
  backgroundModel: 'remove-background',
} as const;

const STABILITY_ASPECTS = ['21:9', '16:9', '3:2', '5:4', '1:1', '4:5', '2:3', '9:16', '9:21'];

/** How closely Control Sketch follows the drawing's lines (0–1): close, it is the composition. */
const SKETCH_CONTROL_STRENGTH = 0.7;

const balanceShape = z.object({ credits: z.number() });

function extensionOf(mimeType: string): string {
  return mimeType === 'image/jpeg' ? 'jpg' : mimeType === 'image/webp' ? 'webp' : 'png';
}

/** `core` and `ultra` have their own endpoints; SD3 models share one and are named in the form. */
function endpointFor(model: string): { path: string; formModel: string | null } {
  if (model === 'core' || model === 'ultra')
    return { path: `v2beta/stable-image/generate/${model}`, formModel: null };
  return { path: 'v2beta/stable-image/generate/sd3', formModel: model };
}

export function createStabilityAdapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model || STABILITY_DEFAULTS.model;
  const url = (path: string) => joinUrl(options.baseUrl || STABILITY_DEFAULTS.baseUrl, path);
  return {
    kind: 'stability',
    capabilities: new Set(['image', 'imageFromDrawing', 'removeBackground']),
    modelFor: (task) => (task === 'removeBackground' ? STABILITY_DEFAULTS.backgroundModel : model),

    async image(request, ctx) {
      const { path, formModel } = endpointFor(model);
      const form = new FormData();
      form.set('prompt', request.prompt);
      if (request.negativePrompt) form.set('negative_prompt', request.negativePrompt);
      form.set('aspect_ratio', nearestAspectName(request.aspectRatio, STABILITY_ASPECTS));
      form.set('seed', String(request.seed));
      form.set('output_format', 'png');
      if (formModel) form.set('model', formModel);
      const { bytes } = await sendForBytes(
        {
          url: url(path),
          method: 'POST',
          headers: { ...bearer(ctx.apiKey), accept: 'image/*' },
          body: form,
        },
        ctx,
      );
      return {
        ...imageResult(bytes),
        usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
      };
    },

    /**
     * From a drawing: Control Sketch (the drawing's lines guide a new picture) or, with a mask,
     * Inpaint (only the white part changes).
     */
    async imageFromDrawing(request, ctx) {
      const form = new FormData();
      form.set('prompt', request.prompt);
      if (request.negativePrompt) form.set('negative_prompt', request.negativePrompt);
      form.set('seed', String(request.seed));
      form.set('output_format', 'png');
      form.set('image', blobOf(request.drawing.bytes, request.drawing.mimeType), 'drawing.png');
      if (request.mask) {
        const { bytes, mimeType } = request.mask.whiteToChange;
        form.set('mask', blobOf(bytes, mimeType), 'mask.png');
      } else {
        form.set('control_strength', String(SKETCH_CONTROL_STRENGTH));
      }
      const { bytes } = await sendForBytes(
        {
          url: url(
            request.mask
              ? 'v2beta/stable-image/edit/inpaint'
              : 'v2beta/stable-image/control/sketch',
          ),
          method: 'POST',
          headers: { ...bearer(ctx.apiKey), accept: 'image/*' },
          body: form,
        },
        ctx,
      );
      return {
        ...imageResult(bytes),
        usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
      };
    },

    /**
     * Remove Background (v2beta/stable-image/edit/remove-background): multipart `image` and
     * `output_format`; with `accept: image/*` the answer is the picture's bytes. PNG, since
     * only it (and WebP) keeps the transparency, and every part of the app reads PNG.
     */
    async removeBackground(request, ctx) {
      const form = new FormData();
      const { bytes, mimeType } = request.image;
      form.set('image', blobOf(bytes, mimeType), `picture.${extensionOf(mimeType)}`);
      form.set('output_format', 'png');
      const answer = await sendForBytes(
        {
          url: url('v2beta/stable-image/edit/remove-background'),
          method: 'POST',
          headers: { ...bearer(ctx.apiKey), accept: 'image/*' },
          body: form,
        },
        ctx,
      );
      return {
        ...imageResult(answer.bytes),
        usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
      };
    },

    async testConnection(ctx) {
      const json = await sendJson(
        { url: url('v1/user/balance'), headers: bearer(ctx.apiKey) },
        ctx,
      );
      const { credits } = parseShape(balanceShape, json, 'balance');
      if (credits <= 0)
        throw new ProviderError('quota', 'The key works, but the account has no credits left.');
      return `Connected. ${credits.toFixed(1)} credits left.`;
    },
  };
}
