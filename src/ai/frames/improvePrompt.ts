import type { AiRouter, RouteOptions } from '../router/router';

/** Enough for a rich image prompt; image models ignore much beyond it. */
const MAX_IMPROVED_TOKENS = 400;

const INSTRUCTIONS =
  'You rewrite prompts for an image model that draws film storyboard frames. Keep every fact ' +
  'you are given: the style, shot size, camera angle and move, place, time of day, the ' +
  'characters and how they look, and the action. Add concrete visual detail about composition, ' +
  'staging, lighting and mood. Never add text, captions or logos. Answer with the prompt only, ' +
  'in under 120 words.';

/** The prompt rewritten by the text provider; the caller keeps the original if this fails. */
export async function improvePrompt(
  router: AiRouter,
  prompt: string,
  options: RouteOptions = {},
): Promise<string> {
  const routed = await router.text(
    { system: INSTRUCTIONS, prompt, maxOutputTokens: MAX_IMPROVED_TOKENS },
    options,
  );
  const text = routed.result.text.trim().replace(/^["“]|["”]$/g, '');
  if (!text) throw new Error('The text provider returned an empty prompt.');
  return text;
}
