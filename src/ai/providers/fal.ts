import { z } from 'zod';
import { ProviderError } from './errors';
import { joinUrl, jsonHeaders, parseShape, send, sendJson } from './http';
import { bytesToBase64, fetchVideoUrl } from './media';
import type { AdapterOptions } from './options';
import { nearestAspectName } from './sizes';
import {
  NO_USAGE,
  type CallContext,
  type ProviderAdapter,
  type VideoJobRef,
  type VideoJobs,
} from './types';

/**
 * fal.ai's queue API (queue.fal.run) for its image-to-video models: POST `/{model}` queues a
 * request and answers with its id and the URLs to poll (`status_url`), read (`response_url`)
 * and cancel (`cancel_url`, a PUT); the status is IN_QUEUE (with a position), IN_PROGRESS or
 * COMPLETED. The key goes as `Authorization: Key …`. The finished output names the clip by a
 * URL on fal's media host, fetched at once and without the key.
 */

export const FAL_DEFAULTS = {
  baseUrl: 'https://queue.fal.run',
  model: 'fal-ai/kling-video/v2.1/standard/image-to-video',
} as const;

/** Kling makes 5 or 10 second clips; it takes one to a few minutes. */
const FAL_SECONDS = [5, 10] as const;
const FAL_ASPECTS = ['16:9', '9:16', '1:1'];
const FAL_TYPICAL_MS = 90_000;
/** An id no request has: "Test connection" asks for its status (404 with a good key, 401 without). */
const PROBE_REQUEST_ID = '00000000-0000-4000-8000-000000000000';

const submitShape = z.object({
  request_id: z.string().min(1),
  status_url: z.string().optional(),
  response_url: z.string().optional(),
  cancel_url: z.string().optional(),
});
const statusShape = z.object({
  status: z.string(),
  queue_position: z.number().nullable().optional(),
  error: z.string().nullable().optional(),
});
const outputShape = z.object({ video: z.object({ url: z.string() }) });

function nearestSeconds(wanted: number): number {
  return FAL_SECONDS.reduce((best, s) =>
    Math.abs(s - wanted) < Math.abs(best - wanted) ? s : best,
  );
}

/** `owner/app`: the queue's request URLs use the app, without the model's endpoint path. */
function appOf(model: string): string {
  return model.split('/').slice(0, 2).join('/');
}

export function createFalAdapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model || FAL_DEFAULTS.model;
  const base = options.baseUrl || FAL_DEFAULTS.baseUrl;
  const auth = (ctx: CallContext) => (ctx.apiKey ? { authorization: `Key ${ctx.apiKey}` } : {});
  const requestUrl = (id: string, tail: string) =>
    joinUrl(base, `${appOf(model)}/requests/${encodeURIComponent(id)}${tail}`);
  /** fal's own URL for a step, if it is on the queue's host; else the documented one. */
  const urlFor = (given: string | undefined, id: string, tail: string) => {
    try {
      if (given && new URL(given).origin === new URL(base).origin) return given;
    } catch {
      // An unreadable URL: use the documented path (the key must never go elsewhere).
    }
    return requestUrl(id, tail);
  };
  const stepUrl = (job: VideoJobRef, step: 'status' | 'response' | 'cancel') =>
    job.data[step] ?? requestUrl(job.id, step === 'response' ? '' : `/${step}`);

  const video: VideoJobs = {
    secondsFor: nearestSeconds,
    typicalMs: FAL_TYPICAL_MS,

    async submit(request, ctx) {
      const seconds = nearestSeconds(request.seconds);
      const json = await sendJson(
        {
          url: joinUrl(base, model),
          method: 'POST',
          headers: jsonHeaders(auth(ctx)),
          body: JSON.stringify({
            prompt: request.prompt,
            // fal takes data URIs where it takes file URLs.
            image_url: `data:${request.image.mimeType};base64,${bytesToBase64(request.image.bytes)}`,
            duration: String(seconds),
            aspect_ratio: nearestAspectName(request.aspectRatio, FAL_ASPECTS),
          }),
        },
        ctx,
      );
      const queued = parseShape(submitShape, json, 'queue answer');
      const id = queued.request_id;
      return {
        id,
        data: {
          seconds: String(seconds),
          status: urlFor(queued.status_url, id, '/status'),
          response: urlFor(queued.response_url, id, ''),
          cancel: urlFor(queued.cancel_url, id, '/cancel'),
        },
      };
    },

    async status(job, ctx) {
      const json = await sendJson({ url: stepUrl(job, 'status'), headers: auth(ctx) }, ctx);
      const status = parseShape(statusShape, json, 'status');
      if (status.error) throw new ProviderError('badRequest', `fal.ai: ${status.error}`);
      if (status.status === 'IN_QUEUE')
        return { state: 'queued', position: status.queue_position ?? null };
      if (status.status === 'IN_PROGRESS') return { state: 'running', fraction: null };
      if (status.status === 'COMPLETED') return { state: 'done' };
      throw new ProviderError(
        'badResponse',
        `fal.ai reported an unknown status (${status.status}).`,
      );
    },

    async result(job, ctx) {
      const json = await sendJson({ url: stepUrl(job, 'response'), headers: auth(ctx) }, ctx);
      const output = parseShape(outputShape, json, 'result');
      return {
        ...(await fetchVideoUrl(output.video.url, ctx)),
        usage: { ...NO_USAGE, videoSeconds: Number(job.data.seconds ?? 0) },
      };
    },

    async cancel(job, ctx) {
      await send({ url: stepUrl(job, 'cancel'), method: 'PUT', headers: auth(ctx) }, ctx);
    },
  };

  return {
    kind: 'fal',
    capabilities: new Set(['imageToVideo']),
    modelFor: () => model,
    video,
    async testConnection(ctx) {
      try {
        await send({ url: requestUrl(PROBE_REQUEST_ID, '/status'), headers: auth(ctx) }, ctx);
      } catch (error) {
        // A refused key is 401/403; a known key asking after a request it never made is 404.
        if (!(error instanceof ProviderError && error.status === 404)) throw error;
      }
      return `Connected. fal.ai accepted the key for ${appOf(model)}.`;
    },
  };
}
