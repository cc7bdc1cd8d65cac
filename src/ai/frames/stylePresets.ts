import type { ProjectMeta } from '../../model/project';
import { DEFAULT_STYLE_PRESET_ID, type StylePreset } from '../../model/stylePreset';

/** A preset with what to keep out of its images, for the APIs that take a negative prompt. */
export interface BuiltInStyle extends StylePreset {
  readonly negative: string;
}

/**
 * The built-in looks. Each prompt says what a storyboard artist would say to a colleague; the
 * negatives keep out what breaks the look (colour in an ink frame, paint in a photo).
 */
export const BUILT_IN_STYLES: readonly BuiltInStyle[] = [
  {
    id: 'pencil-sketch',
    name: 'Pencil sketch',
    prompt:
      'Rough graphite pencil storyboard sketch on white paper, loose gestural lines, light hatching for shadow',
    negative: 'colour, photo, painting',
  },
  {
    id: 'ink',
    name: 'Ink',
    prompt:
      'Black ink storyboard drawing, confident brush and pen lines, solid blacks, white paper, no grey wash',
    negative: 'colour, photo, pencil shading',
  },
  {
    id: DEFAULT_STYLE_PRESET_ID,
    name: 'Storyboard marker',
    prompt:
      'Professional film storyboard frame in grey marker, bold outlines, two or three grey tones, clear staging',
    negative: 'colour, photo, painterly texture',
  },
  {
    id: 'watercolor',
    name: 'Watercolor',
    prompt:
      'Loose watercolour storyboard painting with ink outlines, soft washes, paper texture, muted palette',
    negative: 'photo, 3d render, hard digital edges',
  },
  {
    id: 'noir',
    name: 'Noir',
    prompt:
      'Film noir storyboard frame, high-contrast black and white, hard shadows, venetian-blind light, dramatic angles',
    negative: 'colour, flat lighting, cartoon',
  },
  {
    id: 'anime',
    name: 'Anime',
    prompt:
      'Anime key frame, clean cel shading, crisp line art, expressive faces, cinematic background art',
    negative: 'photo, 3d render, western comic style',
  },
  {
    id: 'photoreal',
    name: 'Photoreal',
    prompt:
      'Photorealistic film still, 35mm cinematography, natural lighting, shallow depth of field, production design',
    negative: 'drawing, illustration, cartoon, painting',
  },
];

/** What every frame must avoid, whatever the style: storyboards carry their captions outside. */
export const ALWAYS_NEGATIVE =
  'text, captions, speech bubbles, watermark, logo, signature, frame border';

export function stylesOf(meta: Pick<ProjectMeta, 'customStyles'>): readonly StylePreset[] {
  return [...BUILT_IN_STYLES, ...meta.customStyles];
}

/** The project's style; an id nobody knows any more (a deleted custom style) falls back to the default. */
export function resolveStyle(
  meta: Pick<ProjectMeta, 'stylePresetId' | 'customStyles'>,
): StylePreset & { negative: string } {
  const custom = meta.customStyles.find((s) => s.id === meta.stylePresetId);
  if (custom) return { ...custom, negative: '' };
  return (
    BUILT_IN_STYLES.find((s) => s.id === meta.stylePresetId) ??
    (BUILT_IN_STYLES.find((s) => s.id === DEFAULT_STYLE_PRESET_ID) as BuiltInStyle)
  );
}

export function negativePromptFor(
  meta: Pick<ProjectMeta, 'stylePresetId' | 'customStyles'>,
): string {
  const style = resolveStyle(meta);
  return [style.negative, ALWAYS_NEGATIVE].filter(Boolean).join(', ');
}
