import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AssetHash, ShotId } from '../model/ids';
import { openDb, ProjectRepository, ProjectSession, type FramelineDb } from '../store';
import { runOk } from '../../tests/helpers/commands';
import { attachSound, placeRecording, speakShot } from './shotSound';

let db: FramelineDb;
let session: ProjectSession;
let shotId: ShotId;
let n = 0;

const stored: Uint8Array[] = [];
const soundDeps = {
  store: async (bytes: Uint8Array) => {
    stored.push(bytes);
    return String(bytes[0] ?? 0).repeat(64) as AssetHash;
  },
  measure: async (bytes: Uint8Array) => {
    if (bytes[0] === 0) throw new Error('EncodingError: unable to decode');
    return bytes[0]! * 1000;
  },
};

beforeEach(async () => {
  stored.length = 0;
  db = openDb(`shot-sound-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Sound' }));
  shotId = runOk(session, 'scene/addWithShot', { heading: 'INT. LAB - DAY' })!;
  runOk(session, 'shot/update', {
    shotId,
    patch: {
      dialogue: [
        { speaker: 'ANNA', line: 'He is not coming.', parenthetical: '' },
        { speaker: 'BEN', line: 'I am right here.', parenthetical: '' },
      ],
    },
  });
});

afterEach(async () => {
  await session.close();
  db.close();
});

const audio = () => session.getState().snapshot.shots[0]!.audio;

describe('sound on a shot', () => {
  test('a recording is measured, stored and placed at the shot start', async () => {
    await attachSound(
      session,
      shotId,
      { bytes: new Uint8Array([3]), mimeType: 'audio/webm', kind: 'voiceover' },
      soundDeps,
    );
    expect(audio()).toMatchObject([{ kind: 'voiceover', offsetMs: 0, durationMs: 3000 }]);
  });

  test('what the browser cannot play is refused in words and never stored', async () => {
    await expect(
      attachSound(
        session,
        shotId,
        { bytes: new Uint8Array([0]), mimeType: 'audio/wav', kind: 'import' },
        soundDeps,
      ),
    ).rejects.toThrow('This file is not audio the browser can play.');
    expect(stored).toEqual([]);
    expect(audio()).toEqual([]);
  });

  test('spoken dialogue joins the clips the shot already has, as one undo step', async () => {
    await attachSound(
      session,
      shotId,
      { bytes: new Uint8Array([2]), mimeType: 'audio/webm', kind: 'voiceover' },
      soundDeps,
    );
    const steps = session.undoManager.undoStack.length;
    let call = 0;
    const spoken = await speakShot(session, shotId, {
      ...soundDeps,
      router: {
        speech: async () =>
          ({ result: { bytes: new Uint8Array([++call]), mimeType: 'audio/mpeg' } }) as never,
      },
    });
    expect(spoken).toBe(2);
    expect(audio().map((c) => c.kind)).toEqual(['voiceover', 'tts', 'tts']);
    expect(session.undoManager.undoStack.length).toBe(steps + 1);
    session.undo();
    expect(audio().map((c) => c.kind)).toEqual(['voiceover']);
  });

  test('a read-only project refuses the speech instead of losing it silently', async () => {
    await session.forceReadOnly('a newer Frameline is open');
    await expect(
      speakShot(session, shotId, {
        ...soundDeps,
        router: {
          speech: async () =>
            ({ result: { bytes: new Uint8Array([1]), mimeType: 'audio/mpeg' } }) as never,
        },
      }),
    ).rejects.toThrow(/Read-only/);
  });
});

describe('voice-over recorded while the animatic plays', () => {
  test('it lands where recording began, and punches in: the old take is kept, muted', async () => {
    const place = { shotId, offsetMs: 1200 };
    await placeRecording(session, place, { bytes: new Uint8Array([2]), mimeType: '' }, soundDeps);
    expect(audio()).toMatchObject([{ kind: 'voiceover', offsetMs: 1200, durationMs: 2000 }]);
    expect(audio()[0]).not.toHaveProperty('muted');
    await placeRecording(session, place, { bytes: new Uint8Array([3]), mimeType: '' }, soundDeps);
    expect(audio().map((c) => [c.durationMs, c.muted ?? false])).toEqual([
      [2000, true],
      [3000, false],
    ]);
    // One undo step puts the first take back as it was.
    session.undo();
    expect(audio().map((c) => [c.durationMs, c.muted ?? false])).toEqual([[2000, false]]);
  });

  test('a recording the browser cannot play is refused and nothing is placed', async () => {
    await expect(
      placeRecording(
        session,
        { shotId, offsetMs: 0 },
        { bytes: new Uint8Array([0]), mimeType: 'audio/webm' },
        soundDeps,
      ),
    ).rejects.toThrow('not audio the browser can play');
    expect(audio()).toEqual([]);
  });
});
