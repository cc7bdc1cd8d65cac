import { z } from 'zod';
import { ASPECT_RATIOS, type AspectRatio } from '../../model/project';

/** What "From an idea" asks first: the idea and the brief the later steps are written to. */
export const FORMATS = [
  { value: 'short', label: 'Short film', aspect: '2.39:1', seconds: 180 },
  { value: 'spot', label: '30 s spot', aspect: '16:9', seconds: 30 },
  { value: 'music', label: 'Music video', aspect: '16:9', seconds: 120 },
  { value: 'explainer', label: 'Explainer', aspect: '16:9', seconds: 90 },
  // Phones hold vertical social video upright: 9:16 unless the person picks another shape.
  { value: 'vertical', label: 'Vertical social', aspect: '9:16', seconds: 30 },
] as const satisfies readonly {
  value: string;
  label: string;
  aspect: AspectRatio;
  seconds: number;
}[];

export type FormatId = (typeof FORMATS)[number]['value'];

export const ideaParamsSchema = z.object({
  idea: z.string(),
  logline: z.string().default(''),
  brief: z.string().default(''),
  format: z.enum(FORMATS.map((f) => f.value) as [FormatId, ...FormatId[]]).default('short'),
  lengthSeconds: z.number().int().min(5).max(3600).default(180),
  tone: z.string().default(''),
  audience: z.string().default(''),
  aspectRatio: z.enum(ASPECT_RATIOS).default('2.39:1'),
});

export type IdeaParams = z.infer<typeof ideaParamsSchema>;

export function formatOf(id: FormatId) {
  return FORMATS.find((f) => f.value === id) ?? FORMATS[0];
}

export function defaultParams(idea = ''): IdeaParams {
  return ideaParamsSchema.parse({ idea });
}

/** Choosing a format also sets its usual shape and length (both stay editable afterwards). */
export function withFormat(params: IdeaParams, format: FormatId): IdeaParams {
  const f = formatOf(format);
  return { ...params, format, aspectRatio: f.aspect, lengthSeconds: f.seconds };
}

/** A working title from the idea: its first line, cut to a few words. */
export function titleOf(params: IdeaParams): string {
  const first = (params.logline || params.idea).split('\n')[0]?.trim() ?? '';
  const words = first
    .replace(/[.!?].*$/, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  return words.join(' ') || 'Untitled idea';
}

/** The brief as the models read it. */
export function briefText(params: IdeaParams): string {
  const f = formatOf(params.format);
  return [
    `Idea: ${params.idea.trim()}`,
    params.logline.trim() && `Logline: ${params.logline.trim()}`,
    params.brief.trim() && `Brief: ${params.brief.trim()}`,
    `Format: ${f.label}, about ${params.lengthSeconds} seconds, frame ${params.aspectRatio}.`,
    params.tone.trim() && `Tone: ${params.tone.trim()}`,
    params.audience.trim() && `Audience: ${params.audience.trim()}`,
  ]
    .filter(Boolean)
    .join('\n');
}
