import { createCharacter } from '../../src/model/character';
import type { AssetHash, CharacterId, SceneId, ShotId } from '../../src/model/ids';
import type { ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot, type DialogueLine, type Shot } from '../../src/model/shot';
import { ms } from '../../src/model/units';
import type { ProjectSession } from '../../src/store';
import { runOk } from './commands';

/**
 * A small board to edit: scene 1 (shots 1, 1A, 1B) and scene 2 (2, and 2A OMITTED), BRICK and STEEL, with
 * dialogue, a drawn frame and a generated take, so structure edits have something to lose.
 */
export const SEED = {
  scene1: 'scene-1' as SceneId,
  scene2: 'scene-2' as SceneId,
  brick: 'char-brick' as CharacterId,
  steel: 'char-steel' as CharacterId,
  shot1: 'shot-1' as ShotId,
  shot1A: 'shot-1a' as ShotId,
  shot1B: 'shot-1b' as ShotId,
  shot2: 'shot-2' as ShotId,
  shot2A: 'shot-2a' as ShotId,
  drawn: 'd'.repeat(64) as AssetHash,
  generated: 'a'.repeat(64) as AssetHash,
};

const say = (speaker: string, line: string): DialogueLine => ({ speaker, line, parenthetical: '' });

/** The seed's records; `frames` names the drawn and the generated image (real hashes in e2e). */
export function seedRecords(
  frames: { readonly drawn: AssetHash; readonly generated: AssetHash } = SEED,
): Omit<ProjectSnapshot, 'meta'> {
  const scenes = [
    createScene({ id: SEED.scene1, number: '1', heading: 'INT. GARAGE - NIGHT' }),
    createScene({ id: SEED.scene2, number: '2', heading: 'EXT. ROOF - DAWN' }),
  ];
  const shot = (id: ShotId, sceneId: SceneId, number: string, fields: Partial<Shot> = {}) =>
    createShot({ id, sceneId, number, durationMs: ms(4000), ...fields });
  const shots = [
    shot(SEED.shot1, SEED.scene1, '1', { shotType: 'WS', action: 'Rain on the roof.' }),
    shot(SEED.shot1A, SEED.scene1, '1A', {
      characterIds: [SEED.brick, SEED.steel],
      dialogue: [
        say('BRICK', 'You came back.'),
        say('STEEL', 'I never left.'),
        say('BRICK', 'Then where were you all winter, while the rest of us froze?'),
      ],
      frameHash: frames.drawn,
      frameSource: 'drawn',
    }),
    shot(SEED.shot1B, SEED.scene1, '1B', {
      characterIds: [SEED.steel],
      dialogue: [say('STEEL', 'Here.')],
      frameHash: frames.generated,
      frameSource: 'ai',
      takes: [
        {
          id: 'take-1',
          hash: frames.generated,
          providerKind: 'openai',
          providerLabel: 'OpenAI',
          model: 'gpt-image-1',
          prompt: 'a garage at night',
          createdAt: 1,
        },
      ],
    }),
    shot(SEED.shot2, SEED.scene2, '2', { characterIds: [SEED.brick] }),
    // A new draft cut this beat; the shot was kept because someone may want it back.
    shot(SEED.shot2A, SEED.scene2, '2A', { dialogue: [say('BRICK', 'Dawn.')], omitted: true }),
  ];
  const characters = [
    createCharacter({ id: SEED.brick, name: 'BRICK', look: 'broad shoulders' }),
    createCharacter({ id: SEED.steel, name: 'STEEL', wardrobe: 'grey coat' }),
  ];
  return { scenes, shots, characters };
}

export function seedBoard(session: ProjectSession): void {
  runOk(session, 'project/appendScenes', { part: seedRecords() });
  session.undoManager.clear();
}
