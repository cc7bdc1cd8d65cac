import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { noisePng } from '../../../tests/helpers/noisePng';
import { createAutomatic1111Adapter } from './automatic1111';
import { createOpenAiAdapter } from './openai';
import type { AdapterOptions } from './options';
import { createStabilityAdapter } from './stability';

/** Stability AI's Remove Background, against the fake that answers like the real API. */

const options = (baseUrl: string): AdapterOptions => ({
  baseUrl,
  model: '',
  textModel: '',
  voice: '',
  workflow: '',
});
const ctx = () => ({ signal: new AbortController().signal, apiKey: 'sk-stab-test' });

let fake: FakeProviderServer;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});

/** Alpha of pixel (x, y) of an 8-bit RGBA PNG (one IDAT, filter 0 rows: what the fake writes). */
function alphaAt(png: Uint8Array, x: number, y: number): number {
  const view = Buffer.from(png);
  expect(view[25]).toBe(6); // colour type: RGBA
  const width = view.readUInt32BE(16);
  const idat = view.indexOf('IDAT');
  const raw = inflateSync(view.subarray(idat + 4, idat + 4 + view.readUInt32BE(idat - 4)));
  return raw[y * (1 + width * 4) + 1 + x * 4 + 3]!;
}

test('sends the picture as multipart `image` with output_format png, and returns the cut-out', async () => {
  const adapter = createStabilityAdapter(options(fake.baseUrl('stability')));
  expect(adapter.capabilities.has('removeBackground')).toBe(true);
  expect(adapter.modelFor('removeBackground')).toBe('remove-background');
  expect(adapter.modelFor('image')).toBe('core');
  fake.reset();
  const picture = new Uint8Array(noisePng(96, 54, 3));
  const result = await adapter.removeBackground!(
    { image: { bytes: picture, mimeType: 'image/png' } },
    ctx(),
  );
  const [call, ...more] = fake.requests();
  expect(more).toEqual([]);
  expect(call!.method).toBe('POST');
  expect(call!.path).toBe('/v2beta/stable-image/edit/remove-background');
  expect(call!.headers.authorization).toBe('Bearer sk-stab-test');
  expect(call!.headers.accept).toBe('image/*');
  expect(call!.body).toContain('name="image"; filename="picture.png"');
  expect(call!.body).toMatch(/name="output_format"\r\n\r\npng\r\n/);
  expect(result.mimeType).toBe('image/png');
  expect(result.usage.images).toBe(1);
  // The cut-out keeps the picture's size; its corner is transparent, its middle opaque.
  expect(Buffer.from(result.bytes).readUInt32BE(16)).toBe(96);
  expect(Buffer.from(result.bytes).readUInt32BE(20)).toBe(54);
  expect(alphaAt(result.bytes, 0, 0)).toBe(0);
  expect(alphaAt(result.bytes, 48, 27)).toBe(255);
});

test('a JPEG goes with its own name and type', async () => {
  const adapter = createStabilityAdapter(options(fake.baseUrl('stability')));
  fake.reset();
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
  await adapter.removeBackground!({ image: { bytes: jpeg, mimeType: 'image/jpeg' } }, ctx());
  expect(fake.requests()[0]!.body).toMatch(
    /name="image"; filename="picture.jpg"\r\nContent-Type: image\/jpeg/,
  );
});

test('a refused key is an auth error, and the key is not in the message', async () => {
  const adapter = createStabilityAdapter(options(fake.baseUrl('stability', '401')));
  const picture = new Uint8Array(noisePng(8, 8, 1));
  await expect(
    adapter.removeBackground!({ image: { bytes: picture, mimeType: 'image/png' } }, ctx()),
  ).rejects.toMatchObject({ kind: 'auth' });
});

test('adapters whose APIs have no background removal do not claim it', () => {
  for (const adapter of [
    createOpenAiAdapter(options(fake.baseUrl('openai'))),
    createAutomatic1111Adapter(options(fake.baseUrl('a1111'))),
  ]) {
    expect(adapter.capabilities.has('removeBackground')).toBe(false);
    expect(adapter.removeBackground).toBeUndefined();
  }
});
