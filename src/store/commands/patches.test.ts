import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCharacter } from '../../model/character';
import type { CharacterId } from '../../model/ids';
import { fps } from '../../model/units';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';
import { characterPatchSchema, metaPatchSchema, shotPatchSchema } from './inputSchemas';

/**
 * A patch names the fields it changes and nothing else: the record schemas carry defaults (for
 * records written before a field existed), and a patch must never write them over what is there.
 */

let db: FramelineDb;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  db = openDb(`patches-test-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Patches' }));
});

afterEach(async () => {
  await session.close();
  db.close();
});

test('a patch schema reads a patch as exactly the fields it names', () => {
  expect(shotPatchSchema.parse({ action: 'x' })).toEqual({ action: 'x' });
  expect(characterPatchSchema.parse({ look: 'x' })).toEqual({ look: 'x' });
  expect(metaPatchSchema.parse({ title: 'x' })).toEqual({ title: 'x' });
  expect(shotPatchSchema.safeParse({ frameHash: null }).success).toBe(false);
});

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

test('editing one shot field leaves the others as they were', () => {
  const shotId = ok(session.run('scene/addWithShot', { heading: 'INT. KITCHEN - NIGHT' }))!;
  const patch = {
    shotType: 'CU',
    cameraAngle: 'low',
    cameraMove: 'pan',
    notes: 'Rain on glass',
    prompt: 'A kitchen at night',
  } as const;
  ok(session.run('shot/update', { shotId, patch }));
  ok(session.run('shot/update', { shotId, patch: { action: 'Anna waits.' } }));
  expect(session.getState().snapshot.shots[0]).toMatchObject({ ...patch, action: 'Anna waits.' });
});

test("editing a character's description keeps their look and wardrobe", () => {
  const id = 'anna' as CharacterId;
  ok(
    session.run('project/appendScenes', {
      part: {
        scenes: [],
        shots: [],
        characters: [createCharacter({ id, name: 'ANNA', look: 'Forties', wardrobe: 'Scrubs' })],
      },
    }),
  );
  ok(session.run('character/update', { characterId: id, patch: { description: 'A nurse' } }));
  expect(session.getState().snapshot.characters[0]).toMatchObject({
    description: 'A nurse',
    look: 'Forties',
    wardrobe: 'Scrubs',
  });
});

test('renaming the project keeps its style and frame rate', () => {
  const style = { id: 'custom-noir', name: 'Noir', prompt: 'Charcoal' };
  ok(
    session.run('project/update', {
      patch: { customStyles: [style], stylePresetId: style.id, frameRate: fps(25) },
    }),
  );
  ok(session.run('project/update', { patch: { title: 'Renamed' } }));
  expect(session.getState().snapshot.meta).toMatchObject({
    title: 'Renamed',
    stylePresetId: style.id,
    customStyles: [style],
    frameRate: 25,
  });
});
