import { CAMERA_ANGLE_LABELS, CAMERA_MOVE_LABELS, SHOT_TYPE_LABELS } from '../../model/camera';
import type { Character } from '../../model/character';
import type { ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import { resolveStyle } from './stylePresets';

/**
 * Turns a shot into the words an image model needs: style, framing, camera, place and time,
 * who is in it (with their bible, so they look the same in every shot) and what happens. The
 * user sees this prompt and may replace it per shot (`shot.prompt`).
 */

const PLACE_WORDS = {
  INT: 'Interior',
  EXT: 'Exterior',
  'INT/EXT': 'Interior and exterior',
  NONE: '',
} as const;
/** Action beyond this is cut: image models weigh the first words most and ignore the rest. */
const MAX_ACTION_CHARS = 400;

export function characterDescription(character: Character): string {
  const parts = [character.description, character.look, character.wardrobe]
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 ? `${character.name} (${parts.join('; ')})` : character.name;
}

function framing(shot: Shot): string {
  const type = SHOT_TYPE_LABELS[shot.shotType].toLowerCase();
  const angle = CAMERA_ANGLE_LABELS[shot.cameraAngle].toLowerCase();
  const move =
    shot.cameraMove === 'static'
      ? ''
      : `, ${CAMERA_MOVE_LABELS[shot.cameraMove].toLowerCase()} move`;
  return `${type[0]?.toUpperCase() ?? ''}${type.slice(1)}, ${angle} camera${move}.`;
}

function place(scene: Scene | undefined): string {
  if (!scene) return '';
  const parts = [
    PLACE_WORDS[scene.intExt],
    scene.location.toLowerCase(),
    scene.timeOfDay.toLowerCase(),
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}.` : '';
}

function action(shot: Shot): string {
  const text = shot.action.trim().replace(/\s+/g, ' ');
  if (text)
    return text.length > MAX_ACTION_CHARS ? `${text.slice(0, MAX_ACTION_CHARS - 1)}…` : text;
  const speaker = shot.dialogue[0]?.speaker;
  return speaker ? `${speaker} talking.` : '';
}

export function buildShotPrompt(snapshot: ProjectSnapshot, shot: Shot): string {
  const scene = snapshot.scenes.find((s) => s.id === shot.sceneId);
  const cast = shot.characterIds.flatMap(
    (id) => snapshot.characters.find((c) => c.id === id) ?? [],
  );
  const style = resolveStyle(snapshot.meta);
  const lines = [
    `${style.prompt}.`,
    framing(shot),
    place(scene),
    cast.length > 0 ? `Characters: ${cast.map(characterDescription).join(', ')}.` : '',
    action(shot) ? `Action: ${action(shot)}` : '',
    `Aspect ratio ${snapshot.meta.aspectRatio}. No text or captions in the image.`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** The prompt a generation uses: the user's own when they wrote one, else the built one. */
export function promptForShot(snapshot: ProjectSnapshot, shot: Shot): string {
  return shot.prompt.trim() || buildShotPrompt(snapshot, shot);
}
