import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { createAutomatic1111Adapter } from './automatic1111';
import { createOpenAiAdapter } from './openai';
import { createOpenAiCompatibleAdapter } from './openaiCompatible';
import type { AdapterOptions } from './options';
import { createStabilityAdapter } from './stability';
import type { DrawingRequest, ProviderAdapter } from './types';

/** Each adapter that can finish a drawing sends it (and the mask) the way its API wants. */

const PNG = (tag: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, tag]) as Uint8Array<ArrayBuffer>;
const DRAWING = { bytes: PNG(1), mimeType: 'image/png' };
const MASK = {
  whiteToChange: { bytes: PNG(2), mimeType: 'image/png' },
  clearToChange: { bytes: PNG(3), mimeType: 'image/png' },
};
const request = (mask: boolean): DrawingRequest => ({
  prompt: 'a painted street',
  negativePrompt: '',
  aspectRatio: 16 / 9,
  seed: 7,
  drawing: DRAWING,
  mask: mask ? MASK : null,
});
const options = (baseUrl: string): AdapterOptions => ({
  baseUrl,
  model: '',
  textModel: '',
  voice: '',
  workflow: '',
});
const ctx = () => ({ signal: new AbortController().signal, apiKey: 'sk-test' });

let fake: FakeProviderServer;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});

async function finish(adapter: ProviderAdapter, mask: boolean) {
  fake.reset();
  expect(adapter.capabilities.has('imageFromDrawing')).toBe(true);
  const result = await adapter.imageFromDrawing!(request(mask), ctx());
  expect(result.mimeType).toBe('image/png');
  expect(result.usage.images).toBe(1);
  const calls = fake.requests();
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

describe('finishing a drawing', () => {
  test('OpenAI: an image edit with the drawing and the transparent-where-to-change mask', async () => {
    const adapter = createOpenAiAdapter(options(fake.baseUrl('openai', 'ok', 'v1')));
    const call = await finish(adapter, true);
    expect(call.path).toBe('/v1/images/edits');
    expect(call.body).toContain('name="image"; filename="drawing.png"');
    expect(call.body).toContain('name="mask"; filename="mask.png"');
    expect(call.body).toContain('\x89PNG\r\n\x1a\n\x03'); // clearToChange
    expect(call.body).toContain('name="model"\r\n\r\ngpt-image-1');
    const plain = await finish(adapter, false);
    expect(plain.body).not.toContain('name="mask"');
  });

  test('Stability: Control Sketch from the drawing, Inpaint with the white mask', async () => {
    const adapter = createStabilityAdapter(options(fake.baseUrl('stability', 'ok')));
    expect((await finish(adapter, false)).path).toBe('/v2beta/stable-image/control/sketch');
    const masked = await finish(adapter, true);
    expect(masked.path).toBe('/v2beta/stable-image/edit/inpaint');
    expect(masked.body).toContain('\x89PNG\r\n\x1a\n\x02'); // whiteToChange
  });

  test('AUTOMATIC1111: img2img from the drawing, inpainting with the white mask', async () => {
    const adapter = createAutomatic1111Adapter(options(fake.baseUrl('a1111', 'ok')));
    const call = await finish(adapter, true);
    expect(call.path).toBe('/sdapi/v1/img2img');
    const body = JSON.parse(call.body) as { init_images: string[]; mask: string };
    expect(Buffer.from(body.init_images[0]!, 'base64')).toEqual(Buffer.from(PNG(1)));
    expect(Buffer.from(body.mask, 'base64')).toEqual(Buffer.from(PNG(2)));
  });

  test('an OpenAI-compatible service does not claim it (its edits API is unknown)', () => {
    const adapter = createOpenAiCompatibleAdapter({
      ...options('http://127.0.0.1:1/v1'),
      model: 'm',
    });
    expect(adapter.capabilities.has('imageFromDrawing')).toBe(false);
  });
});
