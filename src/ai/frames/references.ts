import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import type { AssetStore } from '../../store/assets';
import type { ReferenceImage } from '../providers/types';

/** Providers that take references get at most this many sheets (OpenAI edits allow 16). */
export const MAX_REFERENCES = 4;

/**
 * The character sheets of the characters in a shot, in shot order, with the note that says which
 * image is whom. Sheets whose bytes are missing (an import without them) are left out.
 */
export async function referencesFor(
  snapshot: ProjectSnapshot,
  shot: Shot,
  assets: AssetStore,
): Promise<{ references: ReferenceImage[]; note: string }> {
  const references: ReferenceImage[] = [];
  for (const id of shot.characterIds) {
    const character = snapshot.characters.find((c) => c.id === id);
    if (!character?.sheetHash || references.length >= MAX_REFERENCES) continue;
    const blob = await assets.get(character.sheetHash);
    if (!blob) continue;
    references.push({
      name: character.name,
      bytes: new Uint8Array(await blob.arrayBuffer()),
      mimeType: blob.type || 'image/png',
    });
  }
  const note = references
    .map(
      (ref, i) =>
        `Image ${i + 1} is the character sheet of ${ref.name}: keep ${ref.name}'s face, build and clothes exactly as shown.`,
    )
    .join(' ');
  return { references, note };
}
