import { createAnthropicAdapter, ANTHROPIC_DEFAULTS } from './anthropic';
import { A1111_DEFAULTS, createAutomatic1111Adapter } from './automatic1111';
import { COMFY_DEFAULTS, createComfyUiAdapter, type ComfyUiDeps } from './comfyui';
import { DEFAULT_COMFY_CHECKPOINT } from './comfyWorkflow';
import { createElevenLabsAdapter, ELEVENLABS_DEFAULTS } from './elevenlabs';
import { createFalAdapter, FAL_DEFAULTS } from './fal';
import { createGeminiAdapter, GEMINI_DEFAULTS } from './gemini';
import { createOpenAiAdapter, OPENAI_DEFAULTS } from './openai';
import { createOpenAiCompatibleAdapter } from './openaiCompatible';
import type { AdapterOptions } from './options';
import { createStabilityAdapter, STABILITY_DEFAULTS } from './stability';
import type { Capability, ProviderAdapter, ProviderKind } from './types';

/** Everything the settings UI and the router need to know about a kind of provider. */
export interface ProviderInfo {
  readonly kind: Exclude<ProviderKind, 'sketch'>;
  readonly name: string;
  readonly defaultBaseUrl: string;
  /** Shown as the Model field's placeholder; empty models use it. */
  readonly defaultModel: string;
  readonly key: 'required' | 'optional' | 'none';
  /** What it can do with its default model (the adapter may say more, e.g. with references). */
  readonly capabilities: readonly Capability[];
  /** What the user must do before a web page may call it, or null when it just works. */
  readonly corsNote: string | null;
  readonly modelHelp: string;
  readonly defaultTimeoutSeconds: number;
  /** Calls at once: cloud APIs take a few; one GPU at home takes one. */
  readonly defaultConcurrency: number;
  readonly create: (options: AdapterOptions, deps: AdapterDeps) => ProviderAdapter;
}

export interface AdapterDeps {
  readonly comfy?: ComfyUiDeps;
}

const CLOUD_TIMEOUT_S = 120;
const LOCAL_TIMEOUT_S = 300;

export const PROVIDER_CATALOG: readonly ProviderInfo[] = [
  {
    kind: 'openai',
    name: 'OpenAI',
    defaultBaseUrl: OPENAI_DEFAULTS.baseUrl,
    defaultModel: OPENAI_DEFAULTS.model,
    key: 'required',
    capabilities: ['image', 'imageWithReferences', 'text', 'speech'],
    corsNote: null,
    modelHelp: `Image model (gpt-image-1, dall-e-3). Text uses ${OPENAI_DEFAULTS.textModel} unless you set a text engine.`,
    defaultTimeoutSeconds: CLOUD_TIMEOUT_S,
    defaultConcurrency: 2,
    create: (options) => createOpenAiAdapter(options),
  },
  {
    kind: 'anthropic',
    name: 'Anthropic (Claude)',
    defaultBaseUrl: ANTHROPIC_DEFAULTS.baseUrl,
    defaultModel: ANTHROPIC_DEFAULTS.model,
    key: 'required',
    capabilities: ['text'],
    corsNote: null,
    modelHelp: 'Text model, e.g. claude-haiku-4-5 or claude-sonnet-4-5.',
    defaultTimeoutSeconds: CLOUD_TIMEOUT_S,
    defaultConcurrency: 2,
    create: (options) => createAnthropicAdapter(options),
  },
  {
    kind: 'gemini',
    name: 'Google Gemini',
    defaultBaseUrl: GEMINI_DEFAULTS.baseUrl,
    defaultModel: GEMINI_DEFAULTS.model,
    key: 'required',
    capabilities: ['image', 'imageWithReferences', 'text', 'speech', 'imageToVideo'],
    corsNote: null,
    modelHelp: `Image model. Text uses ${GEMINI_DEFAULTS.textModel} unless you set a text engine; Animate shot uses ${GEMINI_DEFAULTS.videoModel} (Veo).`,
    defaultTimeoutSeconds: CLOUD_TIMEOUT_S,
    defaultConcurrency: 2,
    create: (options) => createGeminiAdapter(options),
  },
  {
    kind: 'stability',
    name: 'Stability AI',
    defaultBaseUrl: STABILITY_DEFAULTS.baseUrl,
    defaultModel: STABILITY_DEFAULTS.model,
    key: 'required',
    capabilities: ['image'],
    corsNote: null,
    modelHelp: 'core, ultra, or an SD3 model such as sd3.5-large.',
    defaultTimeoutSeconds: CLOUD_TIMEOUT_S,
    defaultConcurrency: 2,
    create: (options) => createStabilityAdapter(options),
  },
  {
    kind: 'openaiCompatible',
    name: 'OpenAI-compatible (OpenRouter, Together, Groq, Mistral, LM Studio, Ollama)',
    defaultBaseUrl: 'http://127.0.0.1:11434/v1',
    defaultModel: '',
    key: 'optional',
    capabilities: ['text', 'image'],
    corsNote:
      'Cloud services such as OpenRouter, Together, Groq and Mistral allow web pages. Local servers must be told to: Ollama — set OLLAMA_ORIGINS to this site’s address; LM Studio — turn on “Enable CORS” in the server settings.',
    modelHelp: 'The model name exactly as the service lists it (e.g. llama3.2 on Ollama).',
    defaultTimeoutSeconds: CLOUD_TIMEOUT_S,
    defaultConcurrency: 2,
    create: (options) => createOpenAiCompatibleAdapter(options),
  },
  {
    kind: 'comfyui',
    name: 'ComfyUI (your own GPU)',
    defaultBaseUrl: COMFY_DEFAULTS.baseUrl,
    defaultModel: DEFAULT_COMFY_CHECKPOINT,
    key: 'none',
    capabilities: ['image'],
    corsNote:
      'Start ComfyUI with --enable-cors-header (optionally followed by this site’s address), or the browser will block it.',
    modelHelp: 'Checkpoint file name, filled into {{model}} in the workflow.',
    defaultTimeoutSeconds: LOCAL_TIMEOUT_S,
    defaultConcurrency: 1,
    create: (options, deps) => createComfyUiAdapter(options, deps.comfy),
  },
  {
    kind: 'automatic1111',
    name: 'AUTOMATIC1111 (Stable Diffusion web UI)',
    defaultBaseUrl: A1111_DEFAULTS.baseUrl,
    defaultModel: '',
    key: 'none',
    capabilities: ['image', 'imageWithReferences'],
    corsNote:
      'Start the web UI with --api --cors-allow-origins=<this site’s address>, or the browser will block it.',
    modelHelp: 'Checkpoint title; empty keeps the one loaded.',
    defaultTimeoutSeconds: LOCAL_TIMEOUT_S,
    defaultConcurrency: 1,
    create: (options) => createAutomatic1111Adapter(options),
  },
  {
    kind: 'elevenlabs',
    name: 'ElevenLabs (speech)',
    defaultBaseUrl: ELEVENLABS_DEFAULTS.baseUrl,
    defaultModel: ELEVENLABS_DEFAULTS.model,
    key: 'required',
    capabilities: ['speech'],
    corsNote: null,
    modelHelp: 'Speech model, e.g. eleven_multilingual_v2.',
    defaultTimeoutSeconds: CLOUD_TIMEOUT_S,
    defaultConcurrency: 2,
    create: (options) => createElevenLabsAdapter(options),
  },
  {
    kind: 'fal',
    name: 'fal.ai (image to video)',
    defaultBaseUrl: FAL_DEFAULTS.baseUrl,
    defaultModel: FAL_DEFAULTS.model,
    key: 'required',
    capabilities: ['imageToVideo'],
    corsNote: null,
    modelHelp:
      'An image-to-video model id as fal.ai lists it, e.g. fal-ai/kling-video/v2.1/standard/image-to-video.',
    defaultTimeoutSeconds: CLOUD_TIMEOUT_S,
    defaultConcurrency: 2,
    create: (options) => createFalAdapter(options),
  },
];

/** Services people ask for that a web page cannot call, and what to do instead. */
export const NOT_CALLABLE_FROM_BROWSER: readonly {
  readonly name: string;
  readonly instead: string;
}[] = [
  {
    name: 'Replicate',
    instead:
      'Its API does not allow calls from web pages (no CORS). Run a small proxy of your own and add it as an OpenAI-compatible provider, or choose another provider.',
  },
  {
    name: 'Midjourney',
    instead: 'It has no public API that a web page (or any other program) can call.',
  },
];

export function providerInfo(kind: ProviderKind): ProviderInfo | undefined {
  return PROVIDER_CATALOG.find((info) => info.kind === kind);
}
