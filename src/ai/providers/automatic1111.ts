import { z } from 'zod';
import { ProviderError } from './errors';
import { bearer, joinUrl, jsonHeaders, parseShape, sendJson } from './http';
import { base64ToBytes, bytesToBase64, imageResult } from './media';
import type { AdapterOptions } from './options';
import { diffusionSize } from './sizes';
import type { ProviderAdapter } from './types';

/**
 * AUTOMATIC1111's web UI API (started with `--api --cors-allow-origins=<this site>`). txt2img,
 * or img2img from the first character sheet when the shot has one: a high denoising strength
 * keeps the composition the prompt asks for and borrows the character's colours and shapes.
 */

export const A1111_DEFAULTS = { baseUrl: 'http://127.0.0.1:7860', model: '' } as const;

const STEPS = 25;
const CFG_SCALE = 7;
/** 0 keeps the reference as is, 1 ignores it; high, because the sheet is not the shot. */
const REFERENCE_DENOISING = 0.75;

/** From a drawing: enough change to finish it, little enough to keep where things are. */
const DRAWING_DENOISING = 0.6;

const imagesShape = z.object({ images: z.array(z.string()).min(1) });
const modelsShape = z.array(z.object({ title: z.string() }));

export function createAutomatic1111Adapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model;
  const url = (path: string) => joinUrl(options.baseUrl || A1111_DEFAULTS.baseUrl, path);
  return {
    kind: 'automatic1111',
    capabilities: new Set(['image', 'imageWithReferences', 'imageFromDrawing']),
    modelFor: () => model || 'current checkpoint',

    async image(request, ctx) {
      const reference = request.references[0];
      const body: Record<string, unknown> = {
        prompt: reference ? `${request.prompt}\n${request.referenceNote}` : request.prompt,
        negative_prompt: request.negativePrompt,
        seed: request.seed,
        steps: STEPS,
        cfg_scale: CFG_SCALE,
        ...diffusionSize(request.aspectRatio),
      };
      if (model) body.override_settings = { sd_model_checkpoint: model };
      if (reference) {
        body.init_images = [bytesToBase64(reference.bytes)];
        body.denoising_strength = REFERENCE_DENOISING;
      }
      const json = await sendJson(
        {
          url: url(reference ? 'sdapi/v1/img2img' : 'sdapi/v1/txt2img'),
          method: 'POST',
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify(body),
        },
        ctx,
      );
      const first = parseShape(imagesShape, json, 'image answer').images[0];
      if (!first) throw new ProviderError('badResponse', 'The answer holds no image.');
      return {
        ...imageResult(base64ToBytes(first)),
        usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
      };
    },

    /** img2img from the drawing; with a mask, inpainting only the brushed part (white). */
    async imageFromDrawing(request, ctx) {
      const body: Record<string, unknown> = {
        prompt: request.prompt,
        negative_prompt: request.negativePrompt,
        seed: request.seed,
        steps: STEPS,
        cfg_scale: CFG_SCALE,
        init_images: [bytesToBase64(request.drawing.bytes)],
        denoising_strength: DRAWING_DENOISING,
        ...diffusionSize(request.aspectRatio),
      };
      if (request.mask) {
        body.mask = bytesToBase64(request.mask.whiteToChange.bytes);
        body.inpainting_fill = 1; // start from the drawing's own pixels under the mask
        body.inpaint_full_res = false;
      }
      if (model) body.override_settings = { sd_model_checkpoint: model };
      const json = await sendJson(
        {
          url: url('sdapi/v1/img2img'),
          method: 'POST',
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify(body),
        },
        ctx,
      );
      const first = parseShape(imagesShape, json, 'image answer').images[0];
      if (!first) throw new ProviderError('badResponse', 'The answer holds no image.');
      return {
        ...imageResult(base64ToBytes(first)),
        usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
      };
    },

    async testConnection(ctx) {
      const json = await sendJson(
        { url: url('sdapi/v1/sd-models'), headers: bearer(ctx.apiKey) },
        ctx,
      );
      const models = parseShape(modelsShape, json, 'checkpoint list');
      return `Connected. ${models.length} checkpoints installed.`;
    },
  };
}
