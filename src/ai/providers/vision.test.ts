import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../../tests/fake-provider/server';
import { pngBytes } from '../../../tests/helpers/mediaBytes';
import { createAnthropicAdapter } from './anthropic';
import { bytesToBase64 } from './media';
import { createGeminiAdapter } from './gemini';
import { createOpenAiAdapter } from './openai';
import type { AdapterOptions } from './options';
import type { ProviderAdapter, VisionRequest } from './types';

/**
 * Pictures sent to each vendor's text model in its documented form, checked on the wire: the
 * fake records what arrived, and answers like the vendor.
 */

const KEY = 'sk-vision-contract-6a0c2e4f8b1d3e57';
const PICTURE = pngBytes(8, 96);

const options = (baseUrl: string): AdapterOptions => ({
  baseUrl,
  model: '',
  textModel: '',
  voice: '',
  workflow: '',
});

const request: VisionRequest = {
  system: 'Be brief.',
  prompt: 'What is in the frame?',
  maxOutputTokens: 300,
  images: [{ label: 'the frame', bytes: PICTURE, mimeType: 'image/png' }],
};

let fake: FakeProviderServer;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  fake.setTextAnswer('A nurse in a corridor.');
});

interface VendorCase {
  readonly name: string;
  readonly vendor: string;
  readonly apiRoot: string;
  readonly path: string;
  readonly create: (baseUrl: string) => ProviderAdapter;
  /** The request body's own shape, as the vendor documents it. */
  readonly expectBody: (body: Record<string, unknown>) => void;
}

const CASES: VendorCase[] = [
  {
    name: 'OpenAI (Responses API, input_image with a data URL)',
    vendor: 'openai',
    apiRoot: 'v1',
    path: '/v1/responses',
    create: (base) => createOpenAiAdapter(options(base)),
    expectBody: (body) => {
      expect(body).toMatchObject({ model: 'gpt-4.1-mini', instructions: 'Be brief.' });
      expect(body.input).toEqual([
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Image 1: the frame' },
            { type: 'input_image', image_url: `data:image/png;base64,${bytesToBase64(PICTURE)}` },
            { type: 'input_text', text: 'What is in the frame?' },
          ],
        },
      ]);
    },
  },
  {
    name: 'Anthropic (Messages API, base64 image block)',
    vendor: 'anthropic',
    apiRoot: '',
    path: '/v1/messages',
    create: (base) => createAnthropicAdapter(options(base)),
    expectBody: (body) => {
      expect(body).toMatchObject({ model: 'claude-haiku-4-5', system: 'Be brief.' });
      expect(body.messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Image 1: the frame' },
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/png', data: bytesToBase64(PICTURE) },
            },
            { type: 'text', text: 'What is in the frame?' },
          ],
        },
      ]);
    },
  },
  {
    name: 'Gemini (generateContent, inlineData part)',
    vendor: 'gemini',
    apiRoot: 'v1beta',
    path: '/v1beta/models/gemini-2.5-flash:generateContent',
    create: (base) => createGeminiAdapter(options(base)),
    expectBody: (body) => {
      expect(body.systemInstruction).toEqual({ parts: [{ text: 'Be brief.' }] });
      expect(body.contents).toEqual([
        {
          role: 'user',
          parts: [
            { text: 'Image 1: the frame' },
            { inlineData: { mimeType: 'image/png', data: bytesToBase64(PICTURE) } },
            { text: 'What is in the frame?' },
          ],
        },
      ]);
    },
  },
];

describe.each(CASES)('$name', (c) => {
  test('says it reads pictures, sends the picture in the vendor’s form and reads the answer', async () => {
    const adapter = c.create(fake.baseUrl(c.vendor, 'ok', c.apiRoot));
    expect(adapter.capabilities.has('vision')).toBe(true);
    const answer = await adapter.vision!(request, {
      signal: new AbortController().signal,
      apiKey: KEY,
    });
    expect(answer.text).toBe('A nurse in a corridor.');
    expect(answer.usage.inputTokens).toBeGreaterThan(0);
    const [sent] = fake.requests();
    expect(sent).toMatchObject({ method: 'POST', path: c.path });
    expect(JSON.stringify(sent!.headers)).toContain(KEY);
    c.expectBody(JSON.parse(sent!.body) as Record<string, unknown>);
  });

  test('a failure is a provider error without the key', async () => {
    const adapter = c.create(fake.baseUrl(c.vendor, '401', c.apiRoot));
    const error = await adapter.vision!(request, {
      signal: new AbortController().signal,
      apiKey: KEY,
    }).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'ProviderError', kind: 'auth' });
    expect((error as Error).message).not.toContain(KEY);
  });
});
