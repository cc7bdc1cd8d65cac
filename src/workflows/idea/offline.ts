import { briefText, formatOf, titleOf, type IdeaParams } from './params';
import type { Outline } from './outputs';

/**
 * What the wizard offers with no text provider: an outline and a script skeleton made from the
 * idea by rules, for the person to rewrite. Nothing is invented beyond what they typed.
 */
const BEAT_NAMES = ['Opening', 'Setup', 'Turn', 'Struggle', 'Climax', 'Ending'];

export function beatCount(params: IdeaParams): number {
  return Math.max(3, Math.min(8, Math.round(params.lengthSeconds / 30)));
}

export function offlineOutline(params: IdeaParams): Outline {
  const sentences = [params.idea, params.logline, params.brief]
    .join('\n')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const count = Math.min(beatCount(params), Math.max(3, sentences.length));
  const beats = Array.from({ length: count }, (_, i) => ({
    title:
      BEAT_NAMES[Math.round((i * (BEAT_NAMES.length - 1)) / Math.max(1, count - 1))] ??
      `Beat ${i + 1}`,
    summary: sentences[i] ?? '',
  }));
  return { title: titleOf(params), beats };
}

/** A Fountain skeleton: one scene per beat, its summary as action. */
export function offlineScript(params: IdeaParams, outline: Outline): string {
  const scenes = outline.beats.map(
    (beat) =>
      `EXT. ${beat.title.toUpperCase()} - DAY\n\n${beat.summary || `${beat.title}: write what we see.`}`,
  );
  return [
    `Title: ${outline.title}`,
    `Notes: ${formatOf(params.format).label}, ${params.lengthSeconds} s`,
    '',
    ...scenes.flatMap((s) => [s, '']),
  ].join('\n');
}

export { briefText };
