import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { breakdownScript } from '../../plan/breakdown';
import * as regionModule from '../../plan/scriptFollowRegion';
import { parseFountain } from '../../script/fountain/read';
import { rootsOf } from './layout';
import { deleteShots } from './bulkOps';
import { writeSnapshot } from './operations';
import { followMemoryOf } from './scriptFollowMemory';
import { editScript, followScriptText, resolveAnchors, seedScript } from './scriptText';
import { SnapshotReader } from './snapshotReader';
import { touchedBy } from './touched';

/**
 * Following only the scenes an edit touched (plan/scriptFollowRegion.ts) must leave the boards
 * exactly as following the whole text would: the same scenes, shots, words, timing, cast,
 * OMITTED marks and anchors, edit after random edit.
 */

vi.mock('../../plan/scriptFollowRegion', async (importOriginal) => {
  const original = await importOriginal<typeof regionModule>();
  return { ...original, followScriptRegion: vi.fn(original.followScriptRegion) };
});

const scene = (n: number, who: string) =>
  [
    `INT. ROOM ${n} - DAY`,
    '',
    `Rain on window ${n}. ${who} waits by the door.`,
    '',
    who,
    `Line ${n}, said slowly.`,
    '',
    `The lamp ${n} flickers out.`,
    '',
  ].join('\n');

const SCRIPT = [
  'Title: Region test',
  '',
  ...['MARA', 'BOB', 'MARA', 'ZED', 'BOB', 'MARA'].map((who, k) => scene(k + 1, who)),
].join('\n');

const NEW_SCENE = '\nEXT. HARBOUR - NIGHT\n\nBoats knock together.\n\nKIT\nWho is there?\n\n';
const NEW_SPEECH = '\nBOB\nNot now.\n\n';

/** One document whose boards came from SCRIPT, every third shot drawn (so it is OMITTED, not lost). */
function makeDoc(snapshot: ProjectSnapshot) {
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  seedScript(doc, SCRIPT, snapshot);
  const reader = new SnapshotReader(doc);
  const roots = rootsOf(doc);
  doc.on('afterTransaction', (tr: Y.Transaction) => reader.apply(touchedBy(tr, roots)));
  return { doc, reader };
}

function startingBoards(): ProjectSnapshot {
  const draft = breakdownScript(parseFountain(SCRIPT));
  return {
    meta: createProjectMeta('Region'),
    ...draft,
    shots: draft.shots.map((s, k) => (k % 3 === 1 ? { ...s, frameSource: 'drawn' as const } : s)),
  };
}

/** The boards as a person sees them; ids made after the start are named by first appearance. */
function view(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  original: ReadonlySet<string>,
  names: Map<string, string>,
) {
  const label = (id: string) => {
    if (original.has(id)) return id;
    if (!names.has(id)) names.set(id, `new${names.size}`);
    return names.get(id);
  };
  const anchors = resolveAnchors(doc);
  const cast = new Map(snapshot.characters.map((c) => [c.id, c.name]));
  return snapshot.scenes.map((sc) => ({
    id: label(sc.id),
    number: sc.number,
    heading: sc.heading,
    shots: snapshot.shots
      .filter((s) => s.sceneId === sc.id)
      .map((s) => ({
        id: label(s.id),
        number: s.number,
        action: s.action,
        dialogue: s.dialogue,
        durationMs: s.durationMs,
        omitted: s.omitted,
        cast: s.characterIds.map((id) => cast.get(id)),
        anchor: anchors.get(s.id),
      })),
    cast: [...cast.values()].sort(),
  }));
}

type Edit = { kind: 'type' | 'cut' | 'scene' | 'speech'; at: number; size: number; char: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('type', 'type', 'cut', 'scene', 'speech'),
  // Anywhere in the text (a fraction of its length; doubles crowd at 0 and would test the title page only).
  at: fc.integer({ min: 0, max: 9999 }).map((x) => x / 10000),
  size: fc.integer({ min: 1, max: 30 }),
  char: fc.constantFrom('x', ' ', '\n', 'A', '.'),
}) as fc.Arbitrary<Edit>;

function changeFor(text: string, edit: Edit) {
  const at = Math.min(text.length, Math.floor(edit.at * text.length));
  const lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  switch (edit.kind) {
    case 'type':
      return { from: at, to: at, insert: edit.char };
    case 'cut':
      return { from: at, to: Math.min(text.length, at + edit.size), insert: '' };
    case 'scene':
      return { from: lineStart, to: lineStart, insert: NEW_SCENE };
    case 'speech':
      return { from: lineStart, to: lineStart, insert: NEW_SPEECH };
  }
}

describe('boards following the scenes an edit touched', () => {
  test('give the boards following the whole text gives, edit after random edit', () => {
    const region = vi.mocked(regionModule.followScriptRegion);
    let used = 0;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => {
        const start = startingBoards();
        const original = new Set([...start.scenes, ...start.shots].map((r) => r.id as string));
        const incremental = makeDoc(start);
        const whole = makeDoc(start);
        const names = { incremental: new Map<string, string>(), whole: new Map<string, string>() };
        for (const edit of edits) {
          const change = changeFor(textOf(incremental.doc), edit);
          for (const side of [incremental, whole])
            side.doc.transact(() => editScript(side.doc, [change]));
          region.mockClear();
          incremental.doc.transact(() =>
            followScriptText(incremental.doc, incremental.reader.result.snapshot),
          );
          if (region.mock.results.some((r) => r.type === 'return' && r.value !== null)) used++;
          whole.doc.transact(() =>
            followScriptText(whole.doc, whole.reader.result.snapshot, { incremental: false }),
          );
          expect(
            view(incremental.doc, incremental.reader.result.snapshot, original, names.incremental),
          ).toEqual(view(whole.doc, whole.reader.result.snapshot, original, names.whole));
        }
      }),
      { numRuns: 300 },
    );
    // The region path really ran (not the whole text every time behind its back).
    expect(used).toBeGreaterThan(300);
  });

  test('an edit inside one scene reads only that scene', () => {
    const { doc, reader } = makeDoc(startingBoards());
    doc.transact(() => followScriptText(doc, reader.result.snapshot));
    const at = textOf(doc).indexOf('The lamp 3');
    doc.transact(() => editScript(doc, [{ from: at, to: at, insert: 'Slowly, ' }]));
    const region = vi.mocked(regionModule.followScriptRegion);
    region.mockClear();
    doc.transact(() => followScriptText(doc, reader.result.snapshot));
    const result = region.mock.results[0];
    expect(result?.type === 'return' && result.value?.plan.scenes.map((s) => s.heading)).toEqual([
      'INT. ROOM 3 - DAY',
    ]);
    expect(
      reader.result.snapshot.shots.some((s) => s.action === 'Slowly, The lamp 3 flickers out.'),
    ).toBe(true);
  });

  test('a change to the boards from elsewhere makes the next follow read the whole text', () => {
    const { doc, reader } = makeDoc(startingBoards());
    doc.transact(() => followScriptText(doc, reader.result.snapshot));
    expect(followMemoryOf(doc).followed?.text).toBe(SCRIPT);
    // Typing keeps what the follow knows; a shot deleted on the boards does not.
    doc.transact(() => editScript(doc, [{ from: SCRIPT.length, to: SCRIPT.length, insert: 'x' }]));
    expect(followMemoryOf(doc).followed).not.toBeNull();
    const last = reader.result.snapshot.shots.at(-1);
    if (!last) throw new Error('no shots');
    deleteShots(doc, reader.result.snapshot, [last.id]);
    expect(followMemoryOf(doc).followed).toBeNull();
  });
});

function textOf(doc: Y.Doc): string {
  return (rootsOf(doc).script.get('text') as Y.Text).toString();
}
