import { z } from 'zod';
import type { ModelTask } from '../../../ai/providers/types';
import { QUALITIES } from '../../../render/renderOptions';
import { RESOLUTION_CLASSES } from '../../../render/resolution';
import { MAX_VOLUME } from '../../../model/audio';
import { EXPORT_KINDS } from '../steps/projectStep';

/**
 * The steps a custom pipeline is composed of, with what each calls, its options (schema and
 * defaults from one place) and where it may stand: text steps first, in order (they make the
 * project), then the steps that change the project, the render, the exports.
 */

export const STEP_KINDS = [
  'script',
  'breakdown',
  'plan',
  'frames',
  'upscale',
  'imageToVideo',
  'voices',
  'music',
  'render',
  'export',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface CatalogEntry {
  readonly kind: StepKind;
  readonly label: string;
  /** What it asks a provider for; 'none': it runs on this device. */
  readonly capability: ModelTask | 'none';
  /** Its options, every field with a default (an empty object is a valid choice). */
  readonly options: z.ZodType<Record<string, unknown>>;
  /** Steps of a lower rank come first; equal ranks in any order. */
  readonly rank: number;
  /** Another step of the kind is allowed (two exports); else it appears once. */
  readonly repeatable: boolean;
  /** What it does, for the composer. */
  readonly help: string;
}

const none = z.object({});

export const CATALOG: Readonly<Record<StepKind, CatalogEntry>> = {
  script: {
    kind: 'script',
    label: 'Script',
    capability: 'text',
    options: none,
    rank: 0,
    repeatable: false,
    help: 'An outline and a Fountain script from the idea (offline: a skeleton to rewrite).',
  },
  breakdown: {
    kind: 'breakdown',
    label: 'Breakdown',
    capability: 'text',
    options: none,
    rank: 1,
    repeatable: false,
    help: 'The character bible from the script: look and wardrobe for each character (left out, the plan takes the characters as the script has them).',
  },
  plan: {
    kind: 'plan',
    label: 'Shot plan',
    capability: 'none',
    options: none,
    rank: 2,
    repeatable: false,
    help: 'Scenes and shots from the script, made into a new project.',
  },
  frames: {
    kind: 'frames',
    label: 'Frames',
    capability: 'image',
    options: z.object({ sheets: z.boolean().default(true) }),
    rank: 3,
    repeatable: false,
    help: 'A frame for every shot still without one, character sheets as references (offline: sketches).',
  },
  upscale: {
    kind: 'upscale',
    label: 'Upscale',
    capability: 'none',
    options: z.object({
      longSide: z.union([z.literal(1920), z.literal(2560), z.literal(3840)]).default(1920),
    }),
    rank: 4,
    repeatable: false,
    help: 'Generated frames enlarged on this device, the originals kept as takes.',
  },
  imageToVideo: {
    kind: 'imageToVideo',
    label: 'Image to video',
    capability: 'imageToVideo',
    options: none,
    rank: 5,
    repeatable: false,
    help: 'Each shot’s still animated into a clip by a video provider (the still stays a take).',
  },
  voices: {
    kind: 'voices',
    label: 'Voices',
    capability: 'speech',
    options: none,
    rank: 5,
    repeatable: false,
    help: 'Text to speech for every line of dialogue not voiced yet.',
  },
  music: {
    kind: 'music',
    label: 'Music',
    capability: 'none',
    options: z.object({
      volume: z.number().min(0).max(MAX_VOLUME).default(0.5),
      fadeInMs: z.number().int().min(0).max(60_000).default(1000),
      fadeOutMs: z.number().int().min(0).max(60_000).default(2000),
    }),
    rank: 6,
    repeatable: false,
    help: 'The music bed’s level and fades (the bed is a sound you add under the timeline).',
  },
  render: {
    kind: 'render',
    label: 'Render',
    capability: 'none',
    options: z.object({
      format: z.enum(['mp4', 'webm']).default('mp4'),
      resolution: z
        .union(
          RESOLUTION_CLASSES.map((r) => z.literal(r)) as [
            z.ZodLiteral<720>,
            z.ZodLiteral<1080>,
            z.ZodLiteral<2160>,
          ],
        )
        .default(720),
      quality: z.enum(QUALITIES).default('medium'),
    }),
    rank: 7,
    repeatable: false,
    help: 'The animatic rendered on this device.',
  },
  export: {
    kind: 'export',
    label: 'Export',
    capability: 'none',
    options: z.object({ kind: z.enum(EXPORT_KINDS).default('fcpxml') }),
    rank: 8,
    repeatable: true,
    help: 'A file of the project: an editor’s timeline, a shot list, a contact sheet, a review page.',
  },
};

export const TEXT_KINDS: readonly StepKind[] = ['script', 'breakdown', 'plan'];

export function isStepKind(value: unknown): value is StepKind {
  return typeof value === 'string' && (STEP_KINDS as readonly string[]).includes(value);
}

export function defaultOptions(kind: StepKind): Record<string, unknown> {
  return CATALOG[kind].options.parse({});
}
