import type { CharacterPatch } from '../../model/character';
import type { CharacterId } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';

/**
 * The character bible from the script by rules, for when no text provider is set up. Screenplays
 * introduce a character once, in CAPS, in the first action paragraph they appear in, often with
 * an age in parentheses and an appositive: "ANNA (40s), a tired night nurse in blue scrubs,
 * pours coffee." That sentence gives the description; the age and physical words the look; the
 * clothes the wardrobe. Heuristics: the user edits what comes out.
 */
export interface BibleEntry extends CharacterPatch {
  readonly id: CharacterId;
}

const CLOTHES =
  'scrubs|coat|overcoat|trench ?coat|jacket|blazer|suit|dress|gown|uniform|shirt|t-shirt|blouse|sweater|hoodie|cardigan|jeans|trousers|pants|skirt|shorts|boots|sneakers|heels|hat|cap|beanie|robe|overalls|apron|tie|vest|scarf|glasses|sunglasses|tuxedo|armor|armour|cloak|bathrobe|pyjamas|pajamas';
const WEARING = new RegExp(
  `\\b(?:wearing|dressed in|in)\\s+((?:a |an |her |his |their |the )?[^,.;:]*?\\b(?:${CLOTHES})\\b[^,.;:]*)`,
  'i',
);
/** Words about the body, collected one by one: the nouns around them are role, not look. */
const BODY =
  /\b(?:tall|short|lanky|stocky|heavy-?set|thin|slim|skinny|bald|bearded|grey-haired|gray-haired|white-haired|blonde?|red-?haired|dark-haired|freckled|scarred|elderly|young|old|muscular|wiry|pale|tanned|petite|burly|gaunt|plump)\b/gi;
const SENTENCE_END = /(?<=[.!?])\s+/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "DICK STEEL (60s), his former partner, emerges" → name run, aside, appositive. */
function introduction(name: string): RegExp {
  const caps = "[A-Z][A-Z'’.-]+";
  return new RegExp(
    `(?<![\\p{L}])(?:${caps} )*${escape(name)}(?: ${caps})*(?![\\p{L}])\\s*(?:\\(([^)]{1,40})\\))?\\s*(?:,\\s*([^,.;]{3,160})[,.;])?`,
    'u',
  );
}

/** Age in words: "40s" → "in their 40s", "34" → "34 years old"; other asides as written. */
function ageOf(aside: string | undefined): string {
  const text = aside?.trim() ?? '';
  if (/^(?:o\.?s\.?|v\.?o\.?|cont'?d)$/i.test(text)) return ''; // extensions, not ages
  if (/^\d{1,3}$/.test(text)) return `${text} years old`;
  if (/^(?:early |mid |late |mid-|early-|late-)?\d0s$/i.test(text)) return `in their ${text}`;
  return text;
}

function entryFor(name: string, paragraphs: readonly string[]): Omit<BibleEntry, 'id'> | null {
  const pattern = introduction(name);
  for (const paragraph of paragraphs) {
    const match = pattern.exec(paragraph);
    if (!match) continue;
    const sentence =
      paragraph
        .split(SENTENCE_END)
        .find((s) => pattern.test(s))
        ?.trim() ?? paragraph.trim();
    const appositive = match[2]?.trim() ?? '';
    const age = ageOf(match[1]);
    const body = [...new Set((appositive || sentence).match(BODY) ?? [])].join(', ');
    const wardrobe = WEARING.exec(sentence)?.[1]?.trim() ?? '';
    return {
      description: appositive || sentence,
      look: [age, body].filter(Boolean).join(', '),
      wardrobe,
    };
  }
  return null;
}

export function extractBibleByRules(snapshot: ProjectSnapshot): BibleEntry[] {
  const paragraphs = timelineShots(snapshot)
    .map((shot) => shot.action)
    .filter((text) => text.trim().length > 0);
  return snapshot.characters.flatMap((character) => {
    const entry = entryFor(character.name, paragraphs);
    return entry ? [{ id: character.id, ...entry }] : [];
  });
}
