import { z } from 'zod';
import { ProviderError } from './errors';
import { bearer, joinUrl, jsonHeaders, parseShape, send, sendForBytes, sendJson } from './http';
import { blobOf, imageResult } from './media';
import { browserSocket, type OpenSocket } from './comfySocket';
import {
  DEFAULT_COMFY_CHECKPOINT,
  DEFAULT_COMFY_WORKFLOW,
  fillWorkflow,
  REFERENCE_PLACEHOLDER,
  START_IMAGE_PLACEHOLDER,
  type ComfyValues,
} from './comfyWorkflow';
import { comfyVideoJobs } from './comfyVideo';
import type { AdapterOptions } from './options';
import { diffusionSize } from './sizes';
import type {
  Capability,
  CallContext,
  ImageRequest,
  ProviderAdapter,
  ReferenceImage,
} from './types';

/**
 * ComfyUI (started with `--enable-cors-header`): the user's API-format workflow with
 * placeholders is queued with POST /prompt, progress arrives over /ws, the finished image is
 * found in /history/{id} and downloaded from /view. With a `{{reference_image}}` placeholder the
 * first character sheet is uploaded first (/upload/image) and the workflow gets its name.
 */

export const COMFY_DEFAULTS = { baseUrl: 'http://127.0.0.1:8188' } as const;

/** How often /history is asked while a job runs; the socket's "done" message cuts the wait short. */
export const COMFY_POLL_MS = 1000;

const queuedShape = z.object({
  prompt_id: z.string(),
  node_errors: z.record(z.string(), z.unknown()).optional(),
});
const imageRefShape = z.object({ filename: z.string(), subfolder: z.string(), type: z.string() });
const historyShape = z.record(
  z.string(),
  z.object({
    outputs: z
      .record(z.string(), z.object({ images: z.array(imageRefShape).optional() }))
      .optional(),
    status: z
      .object({ status_str: z.string().optional(), completed: z.boolean().optional() })
      .optional(),
  }),
);
const uploadShape = z.object({ name: z.string(), subfolder: z.string().optional() });
const statsShape = z.object({
  system: z.object({ comfyui_version: z.string().optional() }).passthrough(),
  devices: z.array(z.object({ name: z.string() })).optional(),
});
const socketMessageShape = z.object({
  type: z.string(),
  data: z
    .object({
      prompt_id: z.string().optional(),
      node: z.string().nullable().optional(),
      value: z.number().optional(),
      max: z.number().optional(),
      exception_message: z.string().optional(),
    })
    .passthrough(),
});

export interface ComfyUiDeps {
  readonly openSocket?: OpenSocket;
  readonly pollMs?: number;
}

export function createComfyUiAdapter(
  options: AdapterOptions,
  deps: ComfyUiDeps = {},
): ProviderAdapter {
  const workflow = options.workflow.trim() || DEFAULT_COMFY_WORKFLOW;
  const model = options.model || DEFAULT_COMFY_CHECKPOINT;
  const base = options.baseUrl || COMFY_DEFAULTS.baseUrl;
  const url = (path: string) => joinUrl(base, path);
  const openSocket = deps.openSocket ?? browserSocket;
  const pollMs = deps.pollMs ?? COMFY_POLL_MS;
  // A workflow that takes the still ({{start_image}}) is a video workflow: it animates shots
  // and draws no frames (a second ComfyUI provider with an image workflow does those).
  const animates = workflow.includes(START_IMAGE_PLACEHOLDER);
  const capabilities = new Set<Capability>(animates ? ['imageToVideo'] : ['image']);
  if (!animates && workflow.includes(REFERENCE_PLACEHOLDER))
    capabilities.add('imageWithReferences');

  const upload = async (ref: ReferenceImage, ctx: CallContext): Promise<string> => {
    const form = new FormData();
    form.set(
      'image',
      blobOf(ref.bytes, ref.mimeType),
      `frameline-${ref.name.replace(/\W+/g, '_')}.png`,
    );
    form.set('overwrite', 'true');
    const json = await sendJson(
      { url: url('upload/image'), method: 'POST', headers: bearer(ctx.apiKey), body: form },
      ctx,
    );
    const uploaded = parseShape(uploadShape, json, 'upload answer');
    return uploaded.subfolder ? `${uploaded.subfolder}/${uploaded.name}` : uploaded.name;
  };

  const image = async (request: ImageRequest, ctx: CallContext) => {
    const size = diffusionSize(request.aspectRatio);
    const values: ComfyValues = {
      prompt: request.prompt,
      negative_prompt: request.negativePrompt,
      seed: request.seed,
      width: size.width,
      height: size.height,
      model,
    };
    const reference = request.references[0];
    if (reference && capabilities.has('imageWithReferences'))
      values.reference_image = await upload(reference, ctx);
    const graph = fillWorkflow(workflow, values);
    const clientId = crypto.randomUUID();

    let wake: () => void = () => undefined;
    let failure: string | null = null;
    let promptId: string | null = null;
    const socket = openSocket(
      `${base.replace(/^http/, 'ws').replace(/\/+$/, '')}/ws?clientId=${clientId}`,
      (text) => {
        let message: z.infer<typeof socketMessageShape>;
        try {
          message = socketMessageShape.parse(JSON.parse(text));
        } catch {
          return; // other message types and shapes are not ours to read
        }
        if (message.data.prompt_id !== undefined && message.data.prompt_id !== promptId) return;
        const { value, max } = message.data;
        if (message.type === 'progress' && value !== undefined && max)
          ctx.onProgress?.(value / max);
        if (message.type === 'executing' && message.data.node === null) wake();
        if (message.type === 'execution_error') {
          failure = message.data.exception_message ?? 'the workflow failed';
          wake();
        }
      },
    );

    try {
      const queued = parseShape(
        queuedShape,
        await sendJson(
          {
            url: url('prompt'),
            method: 'POST',
            headers: jsonHeaders(bearer(ctx.apiKey)),
            body: JSON.stringify({ prompt: graph, client_id: clientId }),
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
      promptId = queued.prompt_id;
      const id = queued.prompt_id;
      ctx.signal.addEventListener('abort', () => void dequeue(id), { once: true });
      for (;;) {
        if (failure) throw new ProviderError('badRequest', `ComfyUI: ${failure}`);
        const history = parseShape(
          historyShape,
          await sendJson({ url: url(`history/${id}`), headers: bearer(ctx.apiKey) }, ctx),
          'history',
        );
        const entry = history[id];
        if (entry?.status?.status_str === 'error')
          throw new ProviderError('badRequest', 'ComfyUI reports that the workflow failed.');
        const found = Object.values(entry?.outputs ?? {}).flatMap((o) => o.images ?? [])[0];
        if (found) {
          const query = new URLSearchParams({
            filename: found.filename,
            subfolder: found.subfolder,
            type: found.type,
          });
          const { bytes } = await sendForBytes(
            { url: url(`view?${query.toString()}`), headers: bearer(ctx.apiKey) },
            ctx,
          );
          ctx.onProgress?.(1);
          return {
            ...imageResult(bytes),
            usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
          };
        }
        if (entry?.status?.completed)
          throw new ProviderError(
            'badResponse',
            'The workflow finished without saving an image (add a SaveImage node).',
          );
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            ctx.signal.removeEventListener('abort', done);
            resolve();
          };
          const timer = setTimeout(done, pollMs);
          ctx.signal.addEventListener('abort', done);
          wake = done;
        });
        if (ctx.signal.aborted) {
          const reason: unknown = ctx.signal.reason;
          throw reason instanceof ProviderError
            ? reason
            : new ProviderError('cancelled', 'The call was stopped.');
        }
      }
    } finally {
      socket?.close();
    }

    /** Best effort: a cancelled frame should not keep the GPU busy. */
    async function dequeue(id: string) {
      try {
        await send(
          {
            url: url('queue'),
            method: 'POST',
            headers: jsonHeaders(bearer(ctx.apiKey)),
            body: JSON.stringify({ delete: [id] }),
          },
          { ...ctx, signal: AbortSignal.timeout(pollMs * 5) },
        );
      } catch {
        // The job may have finished or the server gone; either way there is nothing left to do.
      }
    }
  };

  return {
    kind: 'comfyui',
    capabilities,
    modelFor: () => model,
    ...(animates ? { video: comfyVideoJobs(base, workflow, model) } : { image }),
    async testConnection(ctx) {
      const json = await sendJson({ url: url('system_stats'), headers: bearer(ctx.apiKey) }, ctx);
      const stats = parseShape(statsShape, json, 'system stats');
      const version = stats.system.comfyui_version ? ` ${stats.system.comfyui_version}` : '';
      const device = stats.devices?.[0]?.name;
      return `Connected to ComfyUI${version}${device ? ` on ${device}` : ''}.`;
    },
  };
}
