import { z } from 'zod';
import type { ProjectSnapshot } from '../../model/project';
import { scriptFromProject } from '../../plan/scriptFromProject';
import type { AiRouter, RouteOptions } from '../router/router';
import type { BibleEntry } from './extractByRules';

/** The script sent to the text model is cut here (~6k tokens): introductions come early. */
export const MAX_SCRIPT_CHARS = 24_000;
const MAX_ANSWER_TOKENS = 2000;

const INSTRUCTIONS =
  'You read screenplays and write a character bible for a storyboard artist. For each ' +
  'character you are given, answer with what the script says or clearly implies: a one-line ' +
  'description (role, personality), look (age, build, face, hair) and wardrobe (clothes, ' +
  'props they carry). Use empty strings when the script says nothing. Answer with JSON only: ' +
  '[{"name": "...", "description": "...", "look": "...", "wardrobe": "..."}].';

const answerSchema = z.array(
  z.object({
    name: z.string(),
    description: z.string().default(''),
    look: z.string().default(''),
    wardrobe: z.string().default(''),
  }),
);

export function scriptText(snapshot: ProjectSnapshot): string {
  const lines = scriptFromProject(snapshot).elements.map((element) =>
    element.type === 'character' ? `\n${element.text}` : `${element.text}\n`,
  );
  return lines.join('\n').slice(0, MAX_SCRIPT_CHARS);
}

/** The JSON array in a model's answer, which may come wrapped in prose or a code fence. */
export function parseBibleAnswer(text: string): z.infer<typeof answerSchema> {
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  if (start < 0 || end <= start) throw new Error('The text provider did not answer with a list.');
  const parsed = answerSchema.safeParse(JSON.parse(text.slice(start, end + 1)));
  if (!parsed.success) throw new Error('The text provider’s list is not in the expected shape.');
  return parsed.data;
}

export async function extractBibleWithLlm(
  router: AiRouter,
  snapshot: ProjectSnapshot,
  options: RouteOptions = {},
): Promise<BibleEntry[]> {
  const names = snapshot.characters.map((c) => c.name);
  const routed = await router.text(
    {
      system: INSTRUCTIONS,
      prompt: `Characters: ${names.join(', ')}\n\nScript:\n${scriptText(snapshot)}`,
      maxOutputTokens: MAX_ANSWER_TOKENS,
    },
    options,
  );
  const byName = new Map(snapshot.characters.map((c) => [c.name.toUpperCase(), c.id]));
  return parseBibleAnswer(routed.result.text).flatMap((entry) => {
    const id = byName.get(entry.name.trim().toUpperCase());
    return id
      ? [{ id, description: entry.description, look: entry.look, wardrobe: entry.wardrobe }]
      : [];
  });
}
