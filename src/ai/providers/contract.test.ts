import { describe, expect, test } from 'vitest';
import { CONTRACT_KEY, runProviderContract } from '../../../tests/fake-provider/contract';
import { nodeSocket } from '../../../tests/fake-provider/nodeSocket';
import { startFakeProvider } from '../../../tests/fake-provider/server';
import { createAnthropicAdapter } from './anthropic';
import { createAutomatic1111Adapter } from './automatic1111';
import { createComfyUiAdapter } from './comfyui';
import { DEFAULT_COMFY_WORKFLOW } from './comfyWorkflow';
import { runVideoContract } from '../../../tests/fake-provider/videoContract';
import { createElevenLabsAdapter } from './elevenlabs';
import { createFalAdapter } from './fal';
import { createGeminiAdapter } from './gemini';
import { createOpenAiAdapter } from './openai';
import { createOpenAiCompatibleAdapter } from './openaiCompatible';
import type { AdapterOptions } from './options';
import { createStabilityAdapter } from './stability';

const options = (baseUrl: string, more: Partial<AdapterOptions> = {}): AdapterOptions => ({
  baseUrl,
  model: '',
  textModel: '',
  voice: '',
  workflow: '',
  ...more,
});

/** ComfyUI polls /history this often in tests (the fake finishes a job in ~200 ms). */
const TEST_POLL_MS = 50;
const REFERENCE_WORKFLOW = DEFAULT_COMFY_WORKFLOW.replace(
  '"class_type": "SaveImage"',
  '"class_type": "SaveImage", "_reference": "{{reference_image}}"',
);

runProviderContract({
  name: 'OpenAI',
  vendor: 'openai',
  apiRoot: 'v1',
  key: CONTRACT_KEY,
  keyHeader: 'authorization',
  create: (baseUrl) => createOpenAiAdapter(options(baseUrl)),
});

runProviderContract({
  name: 'OpenAI-compatible',
  vendor: 'openai',
  apiRoot: 'v1',
  key: CONTRACT_KEY,
  keyHeader: 'authorization',
  create: (baseUrl) => createOpenAiCompatibleAdapter(options(baseUrl, { model: 'fake-model' })),
});

runProviderContract({
  name: 'Anthropic',
  vendor: 'anthropic',
  apiRoot: '',
  key: CONTRACT_KEY,
  keyHeader: 'x-api-key',
  requiredHeaders: {
    'anthropic-version': '2023-06-01',
    'anthropic-dangerous-direct-browser-access': 'true',
  },
  create: (baseUrl) => createAnthropicAdapter(options(baseUrl)),
});

runProviderContract({
  name: 'Gemini',
  vendor: 'gemini',
  apiRoot: 'v1beta',
  key: CONTRACT_KEY,
  keyHeader: 'x-goog-api-key',
  create: (baseUrl) => createGeminiAdapter(options(baseUrl)),
});

runProviderContract({
  name: 'Stability AI',
  vendor: 'stability',
  apiRoot: '',
  key: CONTRACT_KEY,
  keyHeader: 'authorization',
  create: (baseUrl) => createStabilityAdapter(options(baseUrl)),
});

runProviderContract({
  name: 'ComfyUI',
  vendor: 'comfyui',
  apiRoot: '',
  key: null,
  keyHeader: null,
  create: (baseUrl) =>
    createComfyUiAdapter(options(baseUrl), {
      openSocket: nodeSocket,
      pollMs: TEST_POLL_MS,
    }),
});

runProviderContract({
  name: 'AUTOMATIC1111',
  vendor: 'a1111',
  apiRoot: '',
  key: null,
  keyHeader: null,
  create: (baseUrl) => createAutomatic1111Adapter(options(baseUrl)),
});

runProviderContract({
  name: 'ElevenLabs',
  vendor: 'elevenlabs',
  apiRoot: '',
  key: CONTRACT_KEY,
  keyHeader: 'xi-api-key',
  create: (baseUrl) => createElevenLabsAdapter(options(baseUrl)),
});

runProviderContract({
  name: 'fal.ai',
  vendor: 'fal',
  apiRoot: '',
  key: CONTRACT_KEY,
  keyHeader: 'authorization',
  create: (baseUrl) => createFalAdapter(options(baseUrl)),
});

runVideoContract({
  name: 'Gemini Veo',
  vendor: 'gemini',
  apiRoot: 'v1beta',
  key: CONTRACT_KEY,
  create: (baseUrl) => createGeminiAdapter(options(baseUrl)),
  cancel: null,
});

runVideoContract({
  name: 'fal.ai',
  vendor: 'fal',
  apiRoot: '',
  key: CONTRACT_KEY,
  create: (baseUrl) => createFalAdapter(options(baseUrl)),
  cancel: { method: 'PUT', path: /^\/fal-ai\/kling-video\/requests\/[\w-]+\/cancel$/ },
});

/** A ComfyUI video workflow: the still in {{start_image}}, the clip saved by SaveVideo. */
const VIDEO_WORKFLOW = JSON.stringify({
  '1': { class_type: 'LoadImage', inputs: { image: '{{start_image}}' } },
  '2': { class_type: 'CLIPTextEncode', inputs: { text: '{{prompt}}' } },
  '3': {
    class_type: 'WanImageToVideo',
    inputs: { length: '{{frames}}', width: '{{width}}', height: '{{height}}', seed: '{{seed}}' },
  },
  '9': { class_type: 'SaveVideo', inputs: { filename_prefix: 'frameline', format: 'mp4' } },
});

runProviderContract({
  name: 'ComfyUI video',
  vendor: 'comfyui',
  apiRoot: '',
  key: null,
  keyHeader: null,
  create: (baseUrl) =>
    createComfyUiAdapter(options(baseUrl, { workflow: VIDEO_WORKFLOW }), {
      openSocket: nodeSocket,
      pollMs: TEST_POLL_MS,
    }),
});

runVideoContract({
  name: 'ComfyUI video',
  vendor: 'comfyui',
  apiRoot: '',
  key: 'local-token-123456',
  create: (baseUrl) => createComfyUiAdapter(options(baseUrl, { workflow: VIDEO_WORKFLOW })),
  cancel: { method: 'POST', path: /^\/interrupt$/ },
});

describe('adapter specifics', () => {
  test('ComfyUI reports progress from its websocket and fills every placeholder', async () => {
    const fake = await startFakeProvider();
    try {
      const adapter = createComfyUiAdapter(options(fake.baseUrl('comfyui')), {
        openSocket: nodeSocket,
        pollMs: 10_000, // only the socket's "done" message can finish this quickly
      });
      const progress: number[] = [];
      const started = Date.now();
      const result = await adapter.image!(
        {
          prompt: 'A kitchen',
          negativePrompt: '',
          aspectRatio: 16 / 9,
          seed: 7,
          references: [],
          referenceNote: '',
          sketch: null,
        },
        { signal: new AbortController().signal, apiKey: null, onProgress: (f) => progress.push(f) },
      );
      expect(result.mimeType).toBe('image/png');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(progress.length).toBeGreaterThanOrEqual(5);
      expect(progress.at(-1)).toBe(1);
      const queued = fake.requests().find((r) => r.path === '/prompt')!;
      const graph = JSON.parse(queued.body) as {
        prompt: Record<string, { inputs: Record<string, unknown> }>;
      };
      expect(graph.prompt['3']?.inputs.seed).toBe(7);
      expect(graph.prompt['5']?.inputs).toMatchObject({ width: 1024, height: 576 });
    } finally {
      await fake.close();
    }
  });

  test('a ComfyUI workflow with {{reference_image}} gets the character sheet uploaded', async () => {
    const fake = await startFakeProvider();
    try {
      const adapter = createComfyUiAdapter(
        options(fake.baseUrl('comfyui'), { workflow: REFERENCE_WORKFLOW }),
        { openSocket: nodeSocket, pollMs: TEST_POLL_MS },
      );
      expect(adapter.capabilities.has('imageWithReferences')).toBe(true);
      const request = {
        prompt: 'ANNA at the window',
        negativePrompt: '',
        aspectRatio: 16 / 9,
        seed: 7,
        references: [
          { name: 'ANNA', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), mimeType: 'image/png' },
        ],
        referenceNote: 'Image 1 is ANNA.',
        sketch: null,
      };
      const ctx = { signal: new AbortController().signal, apiKey: null };
      await adapter.image!(request, ctx);
      const queued = fake.requests().find((r) => r.path === '/prompt')!;
      expect(queued.body).toContain('"_reference":"frameline-ANNA.png"');
      const error = await adapter.image!({ ...request, references: [] }, ctx).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        kind: 'badRequest',
        message: expect.stringMatching(/character sheet/),
      });
    } finally {
      await fake.close();
    }
  });

  test('OpenAI image URLs are fetched at once and stored as bytes', async () => {
    const fake = await startFakeProvider();
    try {
      const adapter = createOpenAiAdapter(
        options(fake.baseUrl('openai', 'url', 'v1'), { model: 'dall-e-3' }),
      );
      const result = await adapter.image!(
        {
          prompt: 'x',
          negativePrompt: '',
          aspectRatio: 1,
          seed: 1,
          references: [],
          referenceNote: '',
          sketch: null,
        },
        { signal: new AbortController().signal, apiKey: CONTRACT_KEY },
      );
      expect(result.mimeType).toBe('image/png');
      const file = fake.requests().find((r) => r.vendor === 'files');
      expect(file?.headers.authorization).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  test('Gemini speech arrives as a WAV file', async () => {
    const fake = await startFakeProvider();
    try {
      const adapter = createGeminiAdapter(options(fake.baseUrl('gemini', 'ok', 'v1beta')));
      const result = await adapter.speech!(
        { text: 'Hi', voice: '' },
        { signal: new AbortController().signal, apiKey: CONTRACT_KEY },
      );
      expect(result.mimeType).toBe('audio/wav');
      expect(new TextDecoder().decode(result.bytes.subarray(0, 4))).toBe('RIFF');
    } finally {
      await fake.close();
    }
  });
});
