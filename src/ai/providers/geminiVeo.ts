import { z } from 'zod';
import { ProviderError } from './errors';
import { classifyHttp, joinUrl, jsonHeaders, parseShape, sendForBytes, sendJson } from './http';
import { bytesToBase64, videoResult } from './media';
import { nearestAspectName } from './sizes';
import { NO_USAGE, type CallContext, type VideoJobRef, type VideoJobs } from './types';

/**
 * Veo through the Gemini API: `models/{model}:predictLongRunning` starts a long-running operation,
 * `GET {operation name}` reports `done` (no progress figure), and the finished operation names
 * the clip by a file URI that is downloaded with the same key header. The Gemini API documents
 * no way to cancel a Veo operation, so a cancelled job stops being polled and its clip is never
 * fetched, but Google finishes (and bills) it: the UI says so.
 */

/** Veo 3.1 makes 4, 6 or 8 second clips, in 16:9 or 9:16. */
const VEO_SECONDS = [4, 6, 8] as const;
const VEO_ASPECTS = ['16:9', '9:16'];
/** Google quotes from 11 seconds to 6 minutes; most clips take about a minute. */
const VEO_TYPICAL_MS = 60_000;
/** Operation names are paths like `models/veo-3.1-fast-generate-preview/operations/abc123`. */
const OPERATION_NAME = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

const submitShape = z.object({ name: z.string() });
const operationShape = z.object({
  name: z.string().optional(),
  done: z.boolean().optional(),
  error: z.object({ code: z.number().optional(), message: z.string().optional() }).optional(),
  response: z
    .object({
      generateVideoResponse: z
        .object({
          generatedSamples: z
            .array(z.object({ video: z.object({ uri: z.string() }).optional() }))
            .optional(),
          raiMediaFilteredReasons: z.array(z.string()).optional(),
        })
        .optional(),
    })
    .optional(),
});
type Operation = z.infer<typeof operationShape>;

export function nearestVeoSeconds(wanted: number): number {
  return VEO_SECONDS.reduce((best, s) =>
    Math.abs(s - wanted) < Math.abs(best - wanted) ? s : best,
  );
}

export function geminiVideoJobs(base: string, model: string): VideoJobs {
  const keyHeader = (ctx: CallContext) => (ctx.apiKey ? { 'x-goog-api-key': ctx.apiKey } : {});

  const operation = async (job: VideoJobRef, ctx: CallContext): Promise<Operation> => {
    if (!OPERATION_NAME.test(job.id) || job.id.split('/').includes('..'))
      throw new ProviderError('badResponse', 'Gemini named its operation in an unexpected way.');
    const json = await sendJson({ url: joinUrl(base, job.id), headers: keyHeader(ctx) }, ctx);
    const op = parseShape(operationShape, json, 'operation');
    if (op.done && op.error) {
      const code = op.error.code ?? 500;
      const message = op.error.message ?? 'Veo could not make the clip.';
      throw new ProviderError(classifyHttp(code, message.toLowerCase()), `Veo: ${message}`, code);
    }
    return op;
  };

  const clipUri = (op: Operation): string => {
    const answer = op.response?.generateVideoResponse;
    const uri = answer?.generatedSamples?.find((s) => s.video?.uri)?.video?.uri;
    if (uri) return uri;
    const reasons = answer?.raiMediaFilteredReasons?.join(' ') ?? '';
    throw new ProviderError(
      'badRequest',
      `Veo made no clip${reasons ? `: ${reasons}` : ' (it may have been filtered)'}.`,
    );
  };

  return {
    secondsFor: nearestVeoSeconds,
    typicalMs: VEO_TYPICAL_MS,

    async submit(request, ctx) {
      const seconds = nearestVeoSeconds(request.seconds);
      const json = await sendJson(
        {
          url: joinUrl(base, `models/${encodeURIComponent(model)}:predictLongRunning`),
          method: 'POST',
          headers: jsonHeaders(keyHeader(ctx)),
          body: JSON.stringify({
            instances: [
              {
                prompt: request.prompt,
                image: {
                  bytesBase64Encoded: bytesToBase64(request.image.bytes),
                  mimeType: request.image.mimeType,
                },
              },
            ],
            parameters: {
              aspectRatio: nearestAspectName(request.aspectRatio, VEO_ASPECTS),
              durationSeconds: seconds,
            },
          }),
        },
        ctx,
      );
      const { name } = parseShape(submitShape, json, 'operation');
      return { id: name, data: { seconds: String(seconds) } };
    },

    async status(job, ctx) {
      const op = await operation(job, ctx);
      if (!op.done) return { state: 'running', fraction: null };
      clipUri(op);
      return { state: 'done' };
    },

    async result(job, ctx) {
      const uri = clipUri(await operation(job, ctx));
      // The key goes only to Gemini's own host; a URI elsewhere is fetched without it.
      const sameHost = new URL(uri, base).origin === new URL(base).origin;
      const { bytes } = await sendForBytes(
        { url: uri, headers: sameHost ? keyHeader(ctx) : {} },
        sameHost ? ctx : { ...ctx, apiKey: null },
      );
      return {
        ...videoResult(bytes),
        usage: { ...NO_USAGE, videoSeconds: Number(job.data.seconds ?? 0) },
      };
    },

    cancel: null,
  };
}
