import { z } from 'zod';
import { ProviderError } from './errors';
import { bearer, joinUrl, jsonHeaders, parseShape, send, sendForBytes, sendJson } from './http';
import { blobOf, videoResult } from './media';
import { fillWorkflow } from './comfyWorkflow';
import { diffusionSize } from './sizes';
import { NO_USAGE, type CallContext, type VideoJobRef, type VideoJobs } from './types';

/**
 * A local ComfyUI video workflow (Wan, LTX, Hunyuan… whatever the person runs) as an
 * image-to-video job: the still is uploaded (/upload/image) and named in `{{start_image}}`,
 * the workflow queued (/prompt), its place read from /queue (pending → queued with a position,
 * running), its end from /history, and the first video among the outputs (SaveVideo, SaveWEBM,
 * VideoHelperSuite's VHS_VideoCombine) fetched from /view. Cancel takes the job out of the queue,
 * or interrupts it when it is the one running.
 */

/** Frames per second `{{frames}}` is counted at (Wan 2.x makes 16 fps clips). */
export const COMFY_VIDEO_FPS = 16;
/** A local GPU takes minutes for a few seconds of video. */
const COMFY_VIDEO_TYPICAL_MS = 180_000;
const VIDEO_FILE = /\.(mp4|webm|mov|mkv)$/i;

const fileShape = z.object({
  filename: z.string(),
  subfolder: z.string().optional(),
  type: z.string().optional(),
});
const outputShape = z
  .object({
    images: z.array(fileShape).optional(),
    gifs: z.array(fileShape).optional(),
    videos: z.array(fileShape).optional(),
  })
  .passthrough();
const historyShape = z.record(
  z.string(),
  z.object({
    outputs: z.record(z.string(), outputShape).optional(),
    status: z
      .object({ status_str: z.string().optional(), completed: z.boolean().optional() })
      .optional(),
  }),
);
const queueShape = z.object({
  queue_running: z.array(z.array(z.unknown())).optional(),
  queue_pending: z.array(z.array(z.unknown())).optional(),
});
const queuedShape = z.object({
  prompt_id: z.string(),
  node_errors: z.record(z.string(), z.unknown()).optional(),
});
const uploadShape = z.object({ name: z.string(), subfolder: z.string().optional() });

/** Seconds a workflow makes: whatever was asked, whole seconds from 1 to 10. */
function comfySeconds(wanted: number): number {
  return Math.min(10, Math.max(1, Math.round(wanted)));
}

export function comfyVideoJobs(base: string, workflow: string, model: string): VideoJobs {
  const url = (path: string) => joinUrl(base, path);
  const headers = (ctx: CallContext) => bearer(ctx.apiKey);

  const history = async (job: VideoJobRef, ctx: CallContext) => {
    const json = await sendJson({ url: url(`history/${job.id}`), headers: headers(ctx) }, ctx);
    const entry = parseShape(historyShape, json, 'history')[job.id];
    if (entry?.status?.status_str === 'error')
      throw new ProviderError('badRequest', 'ComfyUI reports that the workflow failed.');
    return entry ?? null;
  };

  const videoOf = (entry: z.infer<typeof historyShape>[string]) =>
    Object.values(entry.outputs ?? {})
      .flatMap((o) => [...(o.videos ?? []), ...(o.gifs ?? []), ...(o.images ?? [])])
      .find((file) => VIDEO_FILE.test(file.filename)) ?? null;

  return {
    secondsFor: comfySeconds,
    typicalMs: COMFY_VIDEO_TYPICAL_MS,

    async submit(request, ctx) {
      const form = new FormData();
      form.set('image', blobOf(request.image.bytes, request.image.mimeType), 'frameline-still.png');
      form.set('overwrite', 'true');
      const uploaded = parseShape(
        uploadShape,
        await sendJson(
          { url: url('upload/image'), method: 'POST', headers: headers(ctx), body: form },
          ctx,
        ),
        'upload answer',
      );
      const seconds = comfySeconds(request.seconds);
      const size = diffusionSize(request.aspectRatio);
      const graph = fillWorkflow(workflow, {
        prompt: request.prompt,
        negative_prompt: '',
        seed: Math.floor(Math.random() * 2 ** 31),
        width: size.width,
        height: size.height,
        model,
        start_image: uploaded.subfolder ? `${uploaded.subfolder}/${uploaded.name}` : uploaded.name,
        seconds,
        // Wan-style models want 4n + 1 frames.
        frames: Math.round((seconds * COMFY_VIDEO_FPS) / 4) * 4 + 1,
      });
      const queued = parseShape(
        queuedShape,
        await sendJson(
          {
            url: url('prompt'),
            method: 'POST',
            headers: jsonHeaders(headers(ctx)),
            body: JSON.stringify({ prompt: graph, client_id: crypto.randomUUID() }),
          },
          ctx,
        ),
        'queue answer',
      );
      if (queued.node_errors && Object.keys(queued.node_errors).length > 0)
        throw new ProviderError(
          'badRequest',
          `ComfyUI refused the workflow: ${JSON.stringify(queued.node_errors).slice(0, 200)}`,
        );
      return { id: queued.prompt_id, data: { seconds: String(seconds) } };
    },

    async status(job, ctx) {
      const entry = await history(job, ctx);
      if (entry) {
        if (videoOf(entry)) return { state: 'done' };
        if (entry.status?.completed)
          throw new ProviderError(
            'badResponse',
            'The workflow finished without saving a video (add a SaveVideo or SaveWEBM node).',
          );
      }
      const queue = parseShape(
        queueShape,
        await sendJson({ url: url('queue'), headers: headers(ctx) }, ctx),
        'queue',
      );
      const pending = (queue.queue_pending ?? []).findIndex((item) => item[1] === job.id);
      return pending >= 0
        ? { state: 'queued', position: pending + 1 }
        : { state: 'running', fraction: null };
    },

    async result(job, ctx) {
      const entry = await history(job, ctx);
      const file = entry ? videoOf(entry) : null;
      if (!file) throw new ProviderError('badResponse', 'ComfyUI has no video for this job.');
      const query = new URLSearchParams({
        filename: file.filename,
        subfolder: file.subfolder ?? '',
        type: file.type ?? 'output',
      });
      const { bytes } = await sendForBytes(
        { url: url(`view?${query.toString()}`), headers: headers(ctx) },
        ctx,
      );
      return {
        ...videoResult(bytes),
        usage: { ...NO_USAGE, videoSeconds: Number(job.data.seconds ?? 0) },
      };
    },

    async cancel(job, ctx) {
      const queue = parseShape(
        queueShape,
        await sendJson({ url: url('queue'), headers: headers(ctx) }, ctx),
        'queue',
      );
      const running = (queue.queue_running ?? []).some((item) => item[1] === job.id);
      await send(
        running
          ? { url: url('interrupt'), method: 'POST', headers: headers(ctx) }
          : {
              url: url('queue'),
              method: 'POST',
              headers: jsonHeaders(headers(ctx)),
              body: JSON.stringify({ delete: [job.id] }),
            },
        ctx,
      );
    },
  };
}
