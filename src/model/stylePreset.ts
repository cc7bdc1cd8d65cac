import { z } from 'zod';
import type { Stored } from './stored';

/**
 * A look for generated frames: a name the user picks and the words added to every frame's
 * prompt. The built-in presets live with the prompt builder (src/ai); a project may add its own,
 * which travel with the project so every collaborator generates in the same style.
 */
export const stylePresetSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  prompt: z.string(),
});

export type StylePreset = Stored<typeof stylePresetSchema>;

/** The preset a project starts with: the look of a hand-drawn storyboard. */
export const DEFAULT_STYLE_PRESET_ID = 'storyboard-marker';
