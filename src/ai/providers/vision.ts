import { z } from 'zod';
import { ProviderError } from './errors';
import { parseShape } from './http';
import { bytesToBase64 } from './media';
import type { TextResult, VisionImage, VisionRequest } from './types';

/**
 * Pictures sent to a text model, in each API's own form: OpenAI's Responses API takes
 * `input_image` parts with a data URL, Anthropic's Messages API `image` blocks with base64
 * source, Gemini `inlineData` parts. Each picture follows a line saying what it is, and the
 * prompt comes last, so the model reads "Image 1: the frame" before the question about it.
 */

const dataUrl = (image: VisionImage) =>
  `data:${image.mimeType};base64,${bytesToBase64(image.bytes)}`;
const caption = (image: VisionImage, i: number) => `Image ${i + 1}: ${image.label}`;

export function openAiVisionBody(model: string, request: VisionRequest): Record<string, unknown> {
  const content: object[] = request.images.flatMap((image, i) => [
    { type: 'input_text', text: caption(image, i) },
    { type: 'input_image', image_url: dataUrl(image) },
  ]);
  content.push({ type: 'input_text', text: request.prompt });
  return {
    model,
    input: [{ role: 'user', content }],
    max_output_tokens: request.maxOutputTokens,
    ...(request.system ? { instructions: request.system } : {}),
  };
}

export function anthropicVisionBody(
  model: string,
  request: VisionRequest,
): Record<string, unknown> {
  const content: object[] = request.images.flatMap((image, i) => [
    { type: 'text', text: caption(image, i) },
    {
      type: 'image',
      source: { type: 'base64', media_type: image.mimeType, data: bytesToBase64(image.bytes) },
    },
  ]);
  content.push({ type: 'text', text: request.prompt });
  return {
    model,
    max_tokens: request.maxOutputTokens,
    messages: [{ role: 'user', content }],
    ...(request.system ? { system: request.system } : {}),
  };
}

export function geminiVisionBody(request: VisionRequest): Record<string, unknown> {
  const parts: object[] = request.images.flatMap((image, i) => [
    { text: caption(image, i) },
    { inlineData: { mimeType: image.mimeType, data: bytesToBase64(image.bytes) } },
  ]);
  parts.push({ text: request.prompt });
  return {
    contents: [{ role: 'user', parts }],
    generationConfig: { maxOutputTokens: request.maxOutputTokens },
    ...(request.system ? { systemInstruction: { parts: [{ text: request.system }] } } : {}),
  };
}

const tokens = (input: number | undefined, output: number | undefined) => ({
  inputTokens: input ?? 0,
  outputTokens: output ?? 0,
  images: 0,
  characters: 0,
});

const responsesShape = z.object({
  output: z.array(
    z.object({
      type: z.string(),
      content: z.array(z.object({ type: z.string(), text: z.string().optional() })).optional(),
    }),
  ),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).optional(),
});

const messageShape = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).optional(),
});

const geminiShape = z.object({
  candidates: z
    .array(
      z.object({
        content: z.object({ parts: z.array(z.object({ text: z.string().optional() })) }).optional(),
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

function nonEmpty(text: string, what: string): string {
  if (!text) throw new ProviderError('badResponse', `${what} sent no text about the picture.`);
  return text;
}

export function openAiVisionAnswer(json: unknown): TextResult {
  const answer = parseShape(responsesShape, json, 'text answer');
  const text = answer.output
    .flatMap((item) => item.content ?? [])
    .filter((part) => part.type === 'output_text')
    .map((part) => part.text ?? '')
    .join('');
  return {
    text: nonEmpty(text, 'The model'),
    usage: tokens(answer.usage?.input_tokens, answer.usage?.output_tokens),
  };
}

export function anthropicVisionAnswer(json: unknown): TextResult {
  const answer = parseShape(messageShape, json, 'message');
  const text = answer.content
    .filter((part) => part.type === 'text')
    .map((part) => part.text ?? '')
    .join('');
  return {
    text: nonEmpty(text, 'Claude'),
    usage: tokens(answer.usage?.input_tokens, answer.usage?.output_tokens),
  };
}

export function geminiVisionAnswer(json: unknown): TextResult {
  const answer = parseShape(geminiShape, json, 'answer');
  const blocked = answer.promptFeedback?.blockReason;
  if (blocked) throw new ProviderError('badRequest', `Gemini refused the picture (${blocked}).`);
  const parts = answer.candidates?.[0]?.content?.parts ?? [];
  return {
    text: nonEmpty(parts.map((p) => p.text ?? '').join(''), 'Gemini'),
    usage: tokens(
      answer.usageMetadata?.promptTokenCount,
      answer.usageMetadata?.candidatesTokenCount,
    ),
  };
}
