import { fakeCutoutPng, fakePng, fakeSpeech, pngSizeIn } from './png';
import { answerFor, streamAnswer, streamFormatOf, type TextUsage } from './text';
import type { FakeRequest, FakeState, Reply, VendorHandler } from './types';
import { fal, geminiVideo } from './video';

/**
 * The fake's answers in each vendor's own format: just the fields the adapters read, shaped like
 * the real APIs' documented responses.
 */

/** Every image differs (like real generations), so takes of one prompt can be told apart. */
let imageCount = 0;
const image = (seed: string) => fakePng(`${seed}#${++imageCount}`);

function promptOf(body: unknown): string {
  return JSON.stringify(body ?? '').slice(0, 400);
}

/**
 * A text endpoint's answer, whole (`whole` builds the vendor's JSON) or streamed when the request
 * asked for a stream; structured, script or echo by what the request asks (text.ts).
 */
function answerText(
  request: FakeRequest,
  reply: Reply,
  state: FakeState,
  usage: TextUsage,
  whole: (text: string) => unknown,
): Promise<void> | void {
  const { text } = answerFor(state, request.json());
  const format = streamFormatOf(request);
  if (format) return streamAnswer(reply, state, format, text, usage, request.streamEnding);
  reply.json(200, whole(text));
}

function notFound(reply: Reply, request: FakeRequest) {
  reply.json(404, { error: { message: `No fake route for ${request.method} ${request.path}` } });
}

const openai: VendorHandler = (request, reply, state) => {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /v1/models')
    return reply.json(200, {
      object: 'list',
      data: [{ id: 'gpt-image-1' }, { id: 'gpt-4.1-mini' }, { id: 'fake-model' }],
    });
  if (route === 'POST /v1/responses')
    return answerText(request, reply, state, { input: 42, output: 17 }, (text) => ({
      output: [{ type: 'message', content: [{ type: 'output_text', text }] }],
      usage: { input_tokens: 42, output_tokens: 17 },
    }));
  if (route === 'POST /v1/chat/completions')
    return answerText(request, reply, state, { input: 40, output: 12 }, (text) => ({
      choices: [{ message: { role: 'assistant', content: text } }],
      usage: { prompt_tokens: 40, completion_tokens: 12 },
    }));
  if (route === 'POST /v1/images/generations' || route === 'POST /v1/images/edits') {
    // Reference images go as image[]; a drawing to finish goes as one image (and a mask).
    const hasImage =
      request.body.includes('name="image[]"') || request.body.includes('name="image"');
    if (route.endsWith('edits') && !hasImage)
      return reply.json(400, { error: { message: 'edits need image or image[]' } });
    const png = image(request.body);
    if (request.scenario === 'url') {
      const id = `${state.files.size + 1}.png`;
      state.files.set(id, png);
      return reply.json(200, { data: [{ url: `${state.baseUrl()}files/${id}` }] });
    }
    return reply.json(200, { created: 1, data: [{ b64_json: png.toString('base64') }] });
  }
  if (route === 'POST /v1/audio/speech') return reply.bytes(200, fakeSpeech(), 'audio/wav');
  notFound(reply, request);
};

const anthropic: VendorHandler = (request, reply, state) => {
  if (request.headers['anthropic-dangerous-direct-browser-access'] !== 'true')
    return reply.json(401, {
      type: 'error',
      error: {
        type: 'authentication_error',
        message: 'CORS requests must set the anthropic-dangerous-direct-browser-access header',
      },
    });
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /v1/models')
    return reply.json(200, { data: [{ id: 'claude-haiku-4-5', type: 'model' }] });
  if (route === 'POST /v1/messages')
    return answerText(request, reply, state, { input: 30, output: 9 }, (text) => ({
      type: 'message',
      content: [{ type: 'text', text }],
      usage: { input_tokens: 30, output_tokens: 9 },
    }));
  notFound(reply, request);
};

const gemini: VendorHandler = (request, reply, state) => {
  if (geminiVideo(request, reply, state)) return;
  if (request.method === 'GET' && request.path === '/v1beta/models')
    return reply.json(200, {
      models: [{ name: 'models/gemini-2.5-flash' }, { name: 'models/gemini-2.5-flash-image' }],
    });
  if (request.method === 'POST' && request.path.endsWith(':streamGenerateContent')) {
    // Without alt=sse Gemini streams one JSON array instead of events; Frameline never asks so.
    if (!new URLSearchParams(request.query).has('alt', 'sse'))
      return reply.json(400, { error: { message: 'The fake streams with alt=sse only.' } });
    return answerText(request, reply, state, { input: 20, output: 8 }, () => null);
  }
  const match = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(request.path);
  if (request.method !== 'POST' || !match) return notFound(reply, request);
  const body = request.json() as {
    contents?: { parts?: { text?: string; inlineData?: unknown }[] }[];
    generationConfig?: { responseModalities?: string[] };
  } | null;
  const modalities = body?.generationConfig?.responseModalities ?? ['TEXT'];
  const usageMetadata = { promptTokenCount: 25, candidatesTokenCount: 1290 };
  if (modalities.includes('IMAGE'))
    return reply.json(200, {
      candidates: [
        {
          content: {
            parts: [
              {
                inlineData: {
                  mimeType: 'image/png',
                  data: image(promptOf(body)).toString('base64'),
                },
              },
            ],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata,
    });
  if (modalities.includes('AUDIO'))
    return reply.json(200, {
      candidates: [
        {
          content: {
            parts: [
              {
                inlineData: {
                  mimeType: 'audio/L16;codec=pcm;rate=24000',
                  data: Buffer.alloc(4800).toString('base64'),
                },
              },
            ],
          },
        },
      ],
      usageMetadata,
    });
  return answerText(request, reply, state, { input: 20, output: 8 }, (text) => ({
    candidates: [{ content: { parts: [{ text }] }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 8 },
  }));
};

/**
 * Stability's Remove Background: multipart with the picture as `image` (PNG, JPEG or WebP) and
 * `output_format` png or webp; answered with a transparent cut-out at the picture's size.
 */
function stabilityCutout(request: FakeRequest, reply: Reply) {
  if (!/name="image"; filename="[^"]*"\r\nContent-Type: image\/(png|jpeg|webp)/.test(request.body))
    return reply.json(400, {
      name: 'bad_request',
      errors: ['image: required (png, jpeg or webp)'],
    });
  if (!/name="output_format"\r\n\r\n(png|webp)\r\n/.test(request.body))
    return reply.json(400, { name: 'bad_request', errors: ['output_format: png or webp'] });
  const size = pngSizeIn(request.raw) ?? { width: 64, height: 64 };
  return reply.bytes(200, fakeCutoutPng(size.width, size.height), 'image/png');
}

const stability: VendorHandler = (request, reply) => {
  if (request.method === 'GET' && request.path === '/v1/user/balance')
    return reply.json(200, { credits: 12.5 });
  if (
    request.method === 'POST' &&
    /^\/v2beta\/stable-image\/(generate\/(core|ultra|sd3)|control\/sketch|edit\/inpaint)$/.test(
      request.path,
    )
  ) {
    if (!String(request.headers['content-type']).startsWith('multipart/form-data'))
      return reply.json(400, { name: 'bad_request', errors: ['multipart/form-data expected'] });
    if (!String(request.headers.accept).startsWith('image/'))
      return reply.json(400, {
        name: 'bad_request',
        errors: ['accept must be image/* or application/json'],
      });
    return reply.bytes(200, image(request.body), 'image/png');
  }
  if (request.method === 'POST' && request.path === '/v2beta/stable-image/edit/remove-background') {
    if (!String(request.headers.accept).startsWith('image/'))
      return reply.json(400, { name: 'bad_request', errors: ['accept: image/* for bytes'] });
    return stabilityCutout(request, reply);
  }
  notFound(reply, request);
};

const automatic1111: VendorHandler = (request, reply) => {
  if (request.method === 'GET' && request.path === '/sdapi/v1/sd-models')
    return reply.json(200, [
      { title: 'sd_xl_base_1.0.safetensors [31e35c80fc]', model_name: 'sd_xl_base_1.0' },
    ]);
  if (
    request.method === 'POST' &&
    (request.path === '/sdapi/v1/txt2img' || request.path === '/sdapi/v1/img2img')
  ) {
    const body = request.json() as { init_images?: unknown[] } | null;
    if (request.path.endsWith('img2img') && !body?.init_images?.length)
      return reply.json(422, { detail: 'init_images required' });
    return reply.json(200, {
      images: [image(request.body).toString('base64')],
      parameters: {},
      info: '{"seed": 1}',
    });
  }
  notFound(reply, request);
};

const elevenlabs: VendorHandler = (request, reply) => {
  if (request.method === 'GET' && request.path === '/v1/user')
    return reply.json(200, { subscription: { character_count: 1200, character_limit: 10000 } });
  if (request.method === 'POST' && request.path.startsWith('/v1/text-to-speech/'))
    return reply.bytes(200, fakeSpeech(), 'audio/wav');
  notFound(reply, request);
};

export const VENDORS: Record<string, VendorHandler> = {
  openai,
  anthropic,
  gemini,
  stability,
  a1111: automatic1111,
  elevenlabs,
  fal,
};
