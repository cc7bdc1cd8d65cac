import { ProviderError } from './errors';

/**
 * ComfyUI workflows in API format ("Save (API)" in ComfyUI) with placeholders Frameline fills
 * per frame. A value that is exactly a placeholder takes the value's own type (a number for
 * `{{seed}}`), so numeric inputs stay numbers; placeholders inside longer text are replaced as text.
 */
export const COMFY_PLACEHOLDERS = [
  'prompt',
  'negative_prompt',
  'seed',
  'width',
  'height',
  'model',
  'reference_image',
  // Video workflows (comfyVideo.ts): the uploaded still, the clip's length.
  'start_image',
  'seconds',
  'frames',
] as const;
export type ComfyPlaceholder = (typeof COMFY_PLACEHOLDERS)[number];
export type ComfyValues = Partial<Record<ComfyPlaceholder, string | number>>;

export const REFERENCE_PLACEHOLDER = '{{reference_image}}';
/** A workflow that names the still this way animates it: image to video, not frames. */
export const START_IMAGE_PLACEHOLDER = '{{start_image}}';

export const DEFAULT_COMFY_CHECKPOINT = 'sd_xl_base_1.0.safetensors';

/** A plain SDXL text-to-image graph: checkpoint, two prompts, sampler, decode, save. */
export const DEFAULT_COMFY_WORKFLOW = JSON.stringify(
  {
    '3': {
      class_type: 'KSampler',
      inputs: {
        seed: '{{seed}}',
        steps: 25,
        cfg: 7,
        sampler_name: 'euler',
        scheduler: 'normal',
        denoise: 1,
        model: ['4', 0],
        positive: ['6', 0],
        negative: ['7', 0],
        latent_image: ['5', 0],
      },
    },
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: '{{model}}' } },
    '5': {
      class_type: 'EmptyLatentImage',
      inputs: { width: '{{width}}', height: '{{height}}', batch_size: 1 },
    },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: '{{prompt}}', clip: ['4', 1] } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: '{{negative_prompt}}', clip: ['4', 1] } },
    '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
    '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'frameline', images: ['8', 0] } },
  },
  null,
  2,
);

const WHOLE = /^\{\{(\w+)\}\}$/;
const ANY = /\{\{(\w+)\}\}/g;

/** Checks a workflow the user pasted; returns what is wrong in words, or null when it is usable. */
export function workflowProblem(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'The workflow is not valid JSON. In ComfyUI, use “Save (API)” (enable dev mode options).';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return 'The workflow must be a JSON object of nodes (API format).';
  if (!text.includes('{{prompt}}')) return 'The workflow has no {{prompt}} placeholder.';
  const unknown = [...text.matchAll(ANY)]
    .map((m) => m[1] ?? '')
    .find((name) => !(COMFY_PLACEHOLDERS as readonly string[]).includes(name));
  return unknown ? `Unknown placeholder {{${unknown}}}.` : null;
}

/** The workflow with every placeholder filled, ready to queue. */
export function fillWorkflow(text: string, values: ComfyValues): Record<string, unknown> {
  const problem = workflowProblem(text);
  if (problem) throw new ProviderError('badRequest', problem);
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = WHOLE.exec(value);
      if (whole) return valueOf(whole[1] as ComfyPlaceholder, values);
      return value.replace(ANY, (_m, name: string) =>
        String(valueOf(name as ComfyPlaceholder, values)),
      );
    }
    if (Array.isArray(value)) return value.map(fill);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return fill(JSON.parse(text)) as Record<string, unknown>;
}

function valueOf(name: ComfyPlaceholder, values: ComfyValues): string | number {
  const value = values[name];
  if (value === undefined)
    throw new ProviderError(
      'badRequest',
      name === 'reference_image'
        ? 'This workflow needs a reference image, and this shot has no character sheet.'
        : `Nothing to fill {{${name}}} with.`,
    );
  return value;
}
