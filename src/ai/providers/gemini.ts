import { z } from 'zod';
import { ProviderError } from './errors';
import { joinUrl, jsonHeaders, parseShape, sendJson } from './http';
import { audioResult, base64ToBytes, bytesToBase64, imageResult, pcmToWav } from './media';
import type { AdapterOptions } from './options';
import { geminiVideoJobs } from './geminiVeo';
import { nearestAspectName } from './sizes';
import { eventJson, streamFailure, sendStreaming, type StreamReader, type StreamStep } from './sse';
import type { CallContext, ProviderAdapter, Usage } from './types';
import { geminiVisionAnswer, geminiVisionBody } from './vision';

/**
 * Google Gemini through generateContent: text, images (with reference images in the same
 * request) and speech. The key goes in a header, never in the URL: URLs show up in the console
 * and in network logs.
 */

export const GEMINI_DEFAULTS = {
  baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  model: 'gemini-2.5-flash-image',
  textModel: 'gemini-2.5-flash',
  speechModel: 'gemini-2.5-flash-preview-tts',
  /** Image to video (Veo 3.1 Fast: 4–8 s clips from a first frame). */
  videoModel: 'veo-3.1-fast-generate-preview',
  voice: 'Kore',
} as const;

/** Gemini's speech is 16-bit mono PCM at this rate unless its mime type says otherwise. */
const SPEECH_SAMPLE_RATE_HZ = 24_000;

const GEMINI_ASPECTS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];

const inlineShape = z.object({ mimeType: z.string(), data: z.string() });
const partShape = z.object({
  text: z.string().optional(),
  inlineData: inlineShape.optional(),
  inline_data: inlineShape.optional(),
});
const answerShape = z.object({
  candidates: z
    .array(
      z.object({
        content: z.object({ parts: z.array(partShape).optional() }).optional(),
        finishReason: z.string().optional(),
      }),
    )
    .optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
  usageMetadata: z
    .object({
      promptTokenCount: z.number().optional(),
      candidatesTokenCount: z.number().optional(),
    })
    .optional(),
});
type Answer = z.infer<typeof answerShape>;

const modelsShape = z.object({ models: z.array(z.object({ name: z.string() })) });

function usageOf(answer: Answer, extra: Partial<Usage> = {}): Usage {
  return {
    inputTokens: answer.usageMetadata?.promptTokenCount ?? 0,
    outputTokens: answer.usageMetadata?.candidatesTokenCount ?? 0,
    images: 0,
    characters: 0,
    ...extra,
  };
}

const streamChunkShape = answerShape.extend({
  error: z.object({ message: z.string().optional(), status: z.string().optional() }).optional(),
});

/**
 * streamGenerateContent with `alt=sse`: every event is a GenerateContentResponse holding the next
 * piece of text; the one with a finishReason is the last, and carries the token counts.
 */
function geminiReader(apiKey: string | null): StreamReader {
  return (event) => {
    const chunk = parseShape(streamChunkShape, eventJson(event, 'stream event'), 'stream event');
    if (chunk.error)
      return [
        {
          kind: 'error',
          error: streamFailure(chunk.error.message ?? '', chunk.error.status ?? '', apiKey),
        },
      ];
    const { parts, finishReason } = partsOf(chunk);
    const steps: StreamStep[] = [{ kind: 'text', delta: parts.map((p) => p.text ?? '').join('') }];
    if (chunk.usageMetadata) steps.push({ kind: 'usage', usage: usageOf(chunk) });
    if (finishReason !== 'none') steps.push({ kind: 'done' });
    return steps;
  };
}

function partsOf(answer: Answer) {
  const blocked = answer.promptFeedback?.blockReason;
  if (blocked) throw new ProviderError('badRequest', `Gemini refused the prompt (${blocked}).`);
  const candidate = answer.candidates?.[0];
  const parts = candidate?.content?.parts ?? [];
  return { parts, finishReason: candidate?.finishReason ?? 'none' };
}

export function createGeminiAdapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model || GEMINI_DEFAULTS.model;
  const textModel = options.textModel || GEMINI_DEFAULTS.textModel;
  const base = options.baseUrl || GEMINI_DEFAULTS.baseUrl;

  const generate = async (forModel: string, body: object, ctx: CallContext): Promise<Answer> => {
    const json = await sendJson(
      {
        url: joinUrl(base, `models/${encodeURIComponent(forModel)}:generateContent`),
        method: 'POST',
        headers: jsonHeaders(ctx.apiKey ? { 'x-goog-api-key': ctx.apiKey } : {}),
        body: JSON.stringify(body),
      },
      ctx,
    );
    return parseShape(answerShape, json, 'answer');
  };

  return {
    kind: 'gemini',
    capabilities: new Set([
      'text',
      'image',
      'imageWithReferences',
      'speech',
      'imageToVideo',
      'vision',
    ]),
    modelFor: (capability) =>
      capability === 'text'
        ? textModel
        : capability === 'speech'
          ? GEMINI_DEFAULTS.speechModel
          : capability === 'imageToVideo'
            ? GEMINI_DEFAULTS.videoModel
            : model,

    video: geminiVideoJobs(base, GEMINI_DEFAULTS.videoModel),

    async text(request, ctx) {
      const body: Record<string, unknown> = {
        contents: [{ role: 'user', parts: [{ text: request.prompt }] }],
        generationConfig: { maxOutputTokens: request.maxOutputTokens },
      };
      if (request.system) body.systemInstruction = { parts: [{ text: request.system }] };
      if (ctx.onText) {
        const streamed = await sendStreaming(
          {
            url: joinUrl(
              base,
              `models/${encodeURIComponent(textModel)}:streamGenerateContent?alt=sse`,
            ),
            method: 'POST',
            headers: jsonHeaders(ctx.apiKey ? { 'x-goog-api-key': ctx.apiKey } : {}),
            body: JSON.stringify(body),
          },
          ctx,
          geminiReader(ctx.apiKey),
        );
        if (!streamed.text) throw new ProviderError('badResponse', 'Gemini sent no text.');
        return streamed;
      }
      const answer = await generate(textModel, body, ctx);
      const { parts, finishReason } = partsOf(answer);
      const text = parts.map((p) => p.text ?? '').join('');
      if (!text) throw new ProviderError('badResponse', `Gemini sent no text (${finishReason}).`);
      return { text, usage: usageOf(answer) };
    },

    async vision(request, ctx) {
      const json = await sendJson(
        {
          url: joinUrl(base, `models/${encodeURIComponent(textModel)}:generateContent`),
          method: 'POST',
          headers: jsonHeaders(ctx.apiKey ? { 'x-goog-api-key': ctx.apiKey } : {}),
          body: JSON.stringify(geminiVisionBody(request)),
        },
        ctx,
      );
      return geminiVisionAnswer(json);
    },

    async image(request, ctx) {
      const note = request.references.length > 0 ? `\n\n${request.referenceNote}` : '';
      const parts: object[] = [{ text: `${request.prompt}${note}` }];
      for (const ref of request.references) {
        parts.push({ inlineData: { mimeType: ref.mimeType, data: bytesToBase64(ref.bytes) } });
      }
      const answer = await generate(
        model,
        {
          contents: [{ role: 'user', parts }],
          generationConfig: {
            responseModalities: ['IMAGE'],
            imageConfig: { aspectRatio: nearestAspectName(request.aspectRatio, GEMINI_ASPECTS) },
          },
        },
        ctx,
      );
      const { parts: out, finishReason } = partsOf(answer);
      const inline = out
        .map((p) => p.inlineData ?? p.inline_data)
        .find((d) => d?.mimeType.startsWith('image/'));
      if (!inline) throw new ProviderError('badRequest', `Gemini sent no image (${finishReason}).`);
      return { ...imageResult(base64ToBytes(inline.data)), usage: usageOf(answer, { images: 1 }) };
    },

    async speech(request, ctx) {
      const answer = await generate(
        GEMINI_DEFAULTS.speechModel,
        {
          contents: [{ role: 'user', parts: [{ text: request.text }] }],
          generationConfig: {
            responseModalities: ['AUDIO'],
            speechConfig: {
              voiceConfig: {
                prebuiltVoiceConfig: {
                  voiceName: request.voice || options.voice || GEMINI_DEFAULTS.voice,
                },
              },
            },
          },
        },
        ctx,
      );
      const { parts, finishReason } = partsOf(answer);
      const inline = parts
        .map((p) => p.inlineData ?? p.inline_data)
        .find((d) => d?.mimeType.startsWith('audio/'));
      if (!inline)
        throw new ProviderError('badResponse', `Gemini sent no audio (${finishReason}).`);
      const rate = Number(/rate=(\d+)/.exec(inline.mimeType)?.[1] ?? SPEECH_SAMPLE_RATE_HZ);
      const pcm = base64ToBytes(inline.data);
      const isPcm = /l16|pcm/i.test(inline.mimeType);
      return {
        ...audioResult(isPcm ? pcmToWav(pcm, rate) : pcm, inline.mimeType),
        usage: usageOf(answer, { characters: request.text.length }),
      };
    },

    async testConnection(ctx) {
      const json = await sendJson(
        {
          url: joinUrl(base, 'models'),
          headers: ctx.apiKey ? { 'x-goog-api-key': ctx.apiKey } : {},
        },
        ctx,
      );
      const models = parseShape(modelsShape, json, 'model list').models;
      return `Connected. ${models.length} models available to this key.`;
    },
  };
}
