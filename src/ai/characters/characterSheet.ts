import type { Character } from '../../model/character';
import type { ProjectMeta } from '../../model/project';
import type { AssetHash } from '../../model/ids';
import type { AssetStore } from '../../store/assets';
import { characterDescription } from '../frames/promptBuilder';
import { negativePromptFor, resolveStyle } from '../frames/stylePresets';
import type { AiRouter, RouteOptions } from '../router/router';

/** Sheets are square-ish turnarounds; 3:2 fits a front, a three-quarter and a close-up. */
const SHEET_ASPECT = 3 / 2;
const MAX_SEED = 2 ** 31 - 1;

export function sheetPrompt(
  character: Character,
  meta: Pick<ProjectMeta, 'stylePresetId' | 'customStyles'>,
): string {
  return [
    `Character reference sheet for a film storyboard: ${characterDescription(character)}.`,
    'Full-body front view, three-quarter view and a head-and-shoulders close-up of the same person, side by side on a plain white background, neutral pose, consistent design.',
    `${resolveStyle(meta).prompt}.`,
    'No text or labels.',
  ].join('\n');
}

/**
 * Generates a character sheet and stores it. The offline sketch cannot draw a sheet, so unlike
 * frames this fails (with the router's account of why) when every AI provider failed.
 */
export async function generateCharacterSheet(
  router: AiRouter,
  assets: AssetStore,
  character: Character,
  meta: Pick<ProjectMeta, 'stylePresetId' | 'customStyles'>,
  options: RouteOptions = {},
): Promise<AssetHash> {
  const routed = await router.image(
    {
      prompt: sheetPrompt(character, meta),
      negativePrompt: negativePromptFor(meta),
      aspectRatio: SHEET_ASPECT,
      seed: Math.floor(Math.random() * MAX_SEED),
      references: [],
      referenceNote: '',
      sketch: null,
    },
    options,
  );
  return assets.put(routed.result.bytes, routed.result.mimeType);
}
