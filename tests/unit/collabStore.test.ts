import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ProjectId } from '../../src/model/ids';
import { CollabSettingsStore, DEFAULT_COLLAB_SETTINGS } from '../../src/store/collabSettings';
import { openDb, type FramelineDb } from '../../src/store/db';
import { addScene, insertShot, readProject } from '../../src/store/projectDoc';
import { ProjectRepository } from '../../src/store/projects';
import { ReadMarkerStore } from '../../src/store/readMarkers';
import { RoomStore } from '../../src/store/rooms';
import { VariantStore } from '../../src/store/variants';

let db: FramelineDb;
let count = 0;
beforeEach(() => {
  db = openDb(`collab-${++count}`);
});
afterEach(() => db.close());

describe('collaboration storage', () => {
  test('a profile asked for by several views at once is made once: a name typed since stays', async () => {
    const settings = new CollabSettingsStore(db);
    const made = await Promise.all(Array.from({ length: 8 }, () => settings.getProfile()));
    expect(new Set(made.map((profile) => profile.name)).size).toBe(1);
    await settings.setProfile({ ...made[0]!, name: 'Anna' });
    expect((await settings.getProfile()).name).toBe('Anna');
  });

  test('settings default to a self-hosted signaling server and refuse bad values by name', async () => {
    const settings = new CollabSettingsStore(db);
    expect(await settings.getSettings()).toEqual(DEFAULT_COLLAB_SETTINGS);
    await settings.setSettings({
      signaling: ['ws://127.0.0.1:9999'],
      iceServers: [{ urls: ['stun:stun.example.org:3478'] }],
    });
    expect((await settings.getSettings()).signaling).toEqual(['ws://127.0.0.1:9999']);
    await expect(settings.setSettings({ signaling: ['http://nope'] })).rejects.toThrow(/signaling/);
    await expect(settings.setSettings({ serverUrl: 'ftp://x' })).rejects.toThrow(/serverUrl/);
    const profile = await settings.getProfile();
    expect(profile.name).toMatch(/^Guest \d+$/);
    expect(await settings.getProfile()).toEqual(profile);
    await expect(settings.setProfile({ name: '  ', color: '#112233' })).rejects.toThrow();
  });

  test('joining makes an empty project; leaving keeps it', async () => {
    const rooms = new RoomStore(db);
    const repo = new ProjectRepository(db);
    const projectId = await rooms.createForRoom({
      roomId: 'r'.repeat(22),
      secret: 's'.repeat(43),
      signaling: null,
    });
    expect((await rooms.findByRoomId('r'.repeat(22)))?.projectId).toBe(projectId);
    const project = await repo.open(projectId);
    expect(readProject(project.doc).snapshot.scenes).toEqual([]);
    expect(project.doc.getMap('meta').size).toBe(0); // nothing that could outvote the owner's
    await project.close();
    await rooms.leave(projectId);
    expect(await rooms.get(projectId)).toBeUndefined();
    expect(await repo.get(projectId)).toBeDefined();
  });

  test('an alternate cut is a whole copy in the same family, and read markers are per thread', async () => {
    const repo = new ProjectRepository(db);
    const originalId = await repo.create({ title: 'Pilot' });
    const original = await repo.open(originalId);
    const sceneId = addScene(original.doc, 'INT. LAB - DAY');
    insertShot(original.doc, sceneId, 0, { action: 'first' });
    const variants = new VariantStore(db);
    const cutId = await variants.createVariant(originalId, original.doc, 'Pilot — alt cut');
    const cut = await repo.open(cutId);
    expect(readProject(cut.doc).snapshot.shots.map((s) => s.action)).toEqual(['first']);
    expect(readProject(cut.doc).snapshot.meta.title).toBe('Pilot — alt cut');
    const family = await variants.family(cutId);
    expect(family.map((v) => v.projectId)).toEqual([originalId, cutId]);
    expect(await variants.family(originalId)).toEqual(family);
    const second = await variants.createVariant(cutId, cut.doc, 'Pilot — third');
    expect((await variants.family(second)).map((v) => v.parentId)).toEqual([
      null,
      originalId,
      cutId,
    ]);
    await cut.close();
    await original.close();

    const markers = new ReadMarkerStore(db);
    await markers.markRead(originalId, 'thread-1', 100);
    await markers.markRead('other' as ProjectId, 'thread-1', 200);
    expect(await markers.readTimes(originalId)).toEqual(new Map([['thread-1', 100]]));
  });
});
