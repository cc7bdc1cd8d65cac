import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readScreenplay } from '../../tests/helpers/fixtures';
import type { CharacterId } from '../model/ids';
import { openDb, ProjectRepository, ProjectSession, type FramelineDb } from '../store';
import { documentOf } from '../store/sessionDocument';
import { appendInParts, splitIntoParts } from './appendInParts';
import { screenplayToSnapshot } from '../export/screenplayImport';

let db: FramelineDb;
let repo: ProjectRepository;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  db = openDb(`append-in-parts-${++n}`);
  repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Untitled project' }));
});

afterEach(async () => {
  await session.close();
  db.close();
});

function card() {
  const result = screenplayToSnapshot(
    readScreenplay('the_last_birthday_card.fountain'),
    'card.fountain',
  );
  if (!result.ok) throw new Error(result.error);
  return result.snapshot;
}

describe('filling an open project in parts', () => {
  test('parts end at scene boundaries and hold at most the part size', () => {
    const { scenes, shots, characters } = card();
    const parts = splitIntoParts({ scenes, shots, characters }, 10);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.flatMap((part) => part.scenes)).toEqual(scenes);
    expect(parts.flatMap((part) => part.shots)).toEqual(shots);
    for (const part of parts) {
      const sceneIds = new Set(part.scenes.map((scene) => scene.id));
      expect(part.shots.every((shot) => sceneIds.has(shot.sceneId))).toBe(true);
      expect(part.shots.length <= 10 || part.scenes.length === 1).toBe(true);
      expect(part.characters).toEqual(characters);
    }
  });

  test('writes several transactions, yielding between them, as one undo step', async () => {
    const snapshot = card();
    let transactions = 0;
    let yields = 0;
    documentOf(session).on('afterTransaction', () => transactions++);
    const done = await appendInParts(session, snapshot, {
      title: snapshot.meta.title,
      maxShotsPerPart: 10,
      yieldToPage: async () => {
        yields++;
      },
    });
    expect(done).toBe(true);
    const parts = splitIntoParts(snapshot, 10).length;
    expect(transactions).toBe(parts);
    expect(yields).toBe(parts - 1);
    const { snapshot: project } = session.getState();
    expect(project.meta.title).toBe(snapshot.meta.title);
    expect(project.shots.map((shot) => shot.id)).toEqual(snapshot.shots.map((shot) => shot.id));
    // Every shot points at a character the project has: later parts reuse the first part's cast.
    const cast = new Set(project.characters.map((character) => character.id));
    expect(project.characters).toHaveLength(snapshot.characters.length);
    expect(project.shots.flatMap((shot) => shot.characterIds).every((id) => cast.has(id))).toBe(
      true,
    );
    session.undo();
    expect(session.getState().snapshot.shots).toEqual([]);
    expect(session.getState().snapshot.meta.title).toBe('Untitled project');
  });

  test('a character the project already has keeps its id, in every part', async () => {
    const snapshot = card();
    const someone = snapshot.characters[0]!;
    const earlier = { ...someone, id: 'added-before' as CharacterId };
    session.run('project/appendScenes', { part: { scenes: [], shots: [], characters: [earlier] } });
    const existing = session.getState().snapshot.characters[0]!;
    expect(existing.id).toBe('added-before');
    await appendInParts(session, snapshot, { maxShotsPerPart: 10, yieldToPage: async () => {} });
    const { characters, shots } = session.getState().snapshot;
    expect(characters.filter((c) => c.name === someone.name)).toEqual([existing]);
    const speaking = shots.filter((shot) => shot.characterIds.includes(existing.id));
    expect(speaking.length).toBe(
      snapshot.shots.filter((shot) => shot.characterIds.includes(someone.id)).length,
    );
  });
});
