import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runOk } from '../../../tests/helpers/commands';
import { SEED, timelineProject } from '../../../tests/helpers/timelineProject';
import { openDb, type FramelineDb } from '../../store/db';
import { ProjectRepository } from '../../store/projects';
import { ProjectSession } from '../../store/projectSession';
import { buildEditTimeline } from './editTimeline';
import { readEdl } from './edlReader';
import { writeEdl } from './edlWriter';
import { readFcp7 } from './fcp7Reader';
import { writeFcp7 } from './fcp7Writer';
import type { ImportedEdit } from './importedEdit';
import { planConform } from './conformPlan';
import { readOtio } from './otioReader';
import { writeOtio } from './otioWriter';
import { TIMELINE_RATE_IDS, timelineRate } from './rates';

let db: FramelineDb;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  db = openDb(`conform-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Conform' }));
  const { scenes, shots, characters } = timelineProject();
  runOk(session, 'project/appendScenes', { part: { scenes, shots, characters } });
  session.undoManager.clear();
});

afterEach(async () => {
  await session.close();
  db.close();
});

const snapshot = () => session.getState().snapshot;
const board = () => snapshot().shots.map((s) => [s.number, s.durationMs, s.omitted]);

/** The OTIO the project exports, edited as a test would in an editor. */
function editedOtio(
  edit: (clips: Record<string, unknown>[]) => Record<string, unknown>[],
): ImportedEdit {
  const json = JSON.parse(writeOtio(buildEditTimeline(snapshot(), '24'))) as {
    tracks: { children: { children: Record<string, unknown>[] }[] };
  };
  const video = json.tracks.children[0];
  if (!video) throw new Error('no video track');
  // Transitions would sit between clips we move around: drop them as an editor's cut would.
  video.children = edit(video.children.filter((c) => c.OTIO_SCHEMA === 'Clip.2'));
  return readOtio(JSON.stringify(json));
}

const setFrames = (clip: Record<string, unknown>, frames: number) => ({
  ...clip,
  source_range: {
    OTIO_SCHEMA: 'TimeRange.1',
    start_time: { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 0 },
    duration: { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: frames },
  },
});

describe('conform', () => {
  test.each(TIMELINE_RATE_IDS)('an untouched export changes nothing at %s fps', (id) => {
    const timeline = buildEditTimeline(snapshot(), id);
    for (const edit of [
      readOtio(writeOtio(timeline)),
      readFcp7(writeFcp7(timeline)),
      readEdl(writeEdl(timeline), timelineRate(id)),
    ]) {
      const summary = planConform(snapshot(), edit);
      expect(summary.unchanged).toBe(true);
    }
  });

  test('re-order, retime, delete, duplicate and a new clip apply as one undoable step', () => {
    const before = board();
    const edit = editedOtio(([s1, s1A, s1B, s2]) => {
      if (!s1 || !s1A || !s1B || !s2) throw new Error('four clips');
      const newcomer = {
        ...setFrames(s1, 36),
        name: 'PICKUP 7',
        metadata: {},
        media_references: {},
      };
      // 1B before 1A, 1A two seconds long, 1 deleted, 2 twice, a pickup at the end.
      return [s1B, setFrames(s1A, 48), s2, s2, newcomer];
    });
    const summary = planConform(snapshot(), edit);
    // The editor's cut dropped the dissolves: 1B's dip to black (1's crossfade went with 1).
    expect(summary.counts).toEqual({
      moved: 1,
      retimed: 1,
      deleted: 1,
      duplicated: 1,
      added: 1,
      transitions: 1,
    });
    expect(summary.deleted.map((d) => d.label)).toEqual(['1']);
    expect(summary.rows.map((r) => [r.label, r.change])).toEqual([
      ['1B', 'unchanged'],
      ['1A', 'moved and retimed'],
      ['2', 'unchanged'],
      ['2 (copy)', 'duplicated'],
      ['PICKUP 7', 'new'],
    ]);

    runOk(session, 'timeline/conform', { plan: summary.plan });
    expect(board()).toEqual([
      ['1B', 1001, false],
      ['1A', 2000, false],
      ['2', 5500, false],
      // OMITTED 2A stays after the shot it followed; the copy comes after it.
      ['2A', 4000, true],
      ['2B', 5500, false],
      ['2C', 1500, false],
    ]);
    expect(snapshot().shots.find((s) => s.number === '2C')?.action).toBe(
      'New in the edit: PICKUP 7',
    );
    expect(session.undoManager.undoStack.length).toBe(1);

    session.undo();
    expect(board()).toEqual(before);
  });

  test('dissolve lengths come back: a longer one, a dissolve where there was a cut', () => {
    const json = JSON.parse(writeOtio(buildEditTimeline(snapshot(), '25'))) as {
      tracks: { children: { children: Record<string, unknown>[] }[] };
    };
    const video = json.tracks.children[0];
    if (!video) throw new Error('no video track');
    const frames = (value: number) => ({ OTIO_SCHEMA: 'RationalTime.1', rate: 25, value });
    const dissolve = (inOffset: number, outOffset: number) => ({
      OTIO_SCHEMA: 'Transition.1',
      metadata: {},
      name: 'Cross Dissolve',
      in_offset: frames(inOffset),
      out_offset: frames(outOffset),
      transition_type: 'SMPTE_Dissolve',
    });
    // [1, ✕, 1A, 1B, ✕, 2]: 1's crossfade becomes 1 s; 1A's cut becomes a 10-frame dissolve.
    const children = video.children.map((c, i) => (i === 1 ? dissolve(12, 13) : c));
    children.splice(3, 0, dissolve(5, 5));
    video.children = children;
    const summary = planConform(snapshot(), readOtio(JSON.stringify(json)));
    expect(summary.counts.transitions).toBe(2);
    runOk(session, 'timeline/conform', { plan: summary.plan });
    const transitions = snapshot().shots.map((s) => [
      s.number,
      s.transitionOut.kind,
      s.transitionOut.durationMs,
    ]);
    expect(transitions.slice(0, 3)).toEqual([
      ['1', 'crossfade', 1000],
      ['1A', 'crossfade', 400],
      ['1B', 'dipToBlack', 400],
    ]);
  });

  test('a shot cut into another scene run moves to that scene with a number there', () => {
    const edit = editedOtio(([s1, s1A, s1B, s2]) => {
      if (!s1 || !s1A || !s1B || !s2) throw new Error('four clips');
      return [s1, s1A, s2, s1B];
    });
    const summary = planConform(snapshot(), edit);
    runOk(session, 'timeline/conform', { plan: summary.plan });
    const moved = snapshot().shots.find((s) => s.id === SEED.shot1B);
    expect(moved?.sceneId).toBe(SEED.scene2);
    expect(moved?.number).toBe('2B');
  });

  test('a read-only session refuses the conform and writes nothing', async () => {
    const edit = editedOtio((clips) => clips.slice(1));
    const summary = planConform(snapshot(), edit);
    await session.forceReadOnly('A newer Frameline is open in another tab');
    const before = board();
    expect(session.run('timeline/conform', { plan: summary.plan }).ok).toBe(false);
    expect(board()).toEqual(before);
  });
});
