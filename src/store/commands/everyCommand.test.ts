import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AssetHash, CharacterId, SceneId, ShotId } from '../../model/ids';
import type { CommentId, ThreadId } from '../../model/comment';
import type { VersionId } from '../../model/version';
import { ms } from '../../model/units';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession, documentOf } from '../projectSession';
import { runOk } from '../../../tests/helpers/commands';
import type { UndoPolicy } from './command';
import { COMMAND_SPECS, type CommandInput, type CommandName } from './registry';

/**
 * The contract every command keeps, checked for each one in the registry: a read-only session
 * refuses it and writes nothing; input its schema rejects changes nothing and names the field;
 * valid input succeeds; its undo policy is what lands on the undo stack. Adding a command
 * without an example here does not compile.
 */

interface Ids {
  readonly sceneId: SceneId;
  readonly otherSceneId: SceneId;
  readonly shotId: ShotId;
  readonly secondShotId: ShotId;
  readonly characterId: CharacterId;
  readonly otherCharacterId: CharacterId;
  readonly takeId: string;
  readonly clipId: string;
}

const HASH = 'a'.repeat(64) as AssetHash;
const STROKE = {
  id: 'stroke-0',
  type: 'stroke',
  tool: 'pencil',
  color: '#222222',
  size: 30,
  points: [0, 0, 50, 100, 100, 60],
  x: 0,
  y: 0,
  rotation: 0,
  scale: 1,
} as const;
const ME = { name: 'Anna', color: '#336699', publicKey: '' };

type Example<N extends CommandName> = {
  /** `round` is 0, then 1 for a second run right after: merging commands change their value. */
  readonly valid: (ids: Ids, round?: number) => CommandInput<N>;
  /** Input the schema must refuse, and the field it must name. */
  readonly invalid: (ids: Ids) => { readonly input: unknown; readonly field: string };
};

const EXAMPLES: { readonly [N in CommandName]: Example<N> } = {
  'script/seed': {
    valid: () => ({ text: 'INT. KITCHEN - NIGHT\n\nAnna waits.\n' }),
    invalid: () => ({ input: { text: 5 }, field: 'text' }),
  },
  'script/edit': {
    valid: (_, round = 0) => ({ changes: [{ from: 0, to: 0, insert: `x${round}` }] }),
    invalid: () => ({
      input: { changes: [{ from: -1, to: 0, insert: '' }] },
      field: 'changes.0.from',
    }),
  },
  'script/followBoards': {
    valid: () => ({ by: 'button' }),
    invalid: () => ({ input: { by: 'often' }, field: 'by' }),
  },
  'script/setFollow': {
    valid: (_, round = 0) => ({ mode: round === 0 ? 'button' : 'live' }),
    invalid: () => ({ input: { mode: 'often' }, field: 'mode' }),
  },
  'project/update': {
    valid: (_, round = 0) => ({ patch: { title: `Renamed ${round}` } }),
    invalid: () => ({ input: { patch: { aspectRatio: '5:1' } }, field: 'patch.aspectRatio' }),
  },
  'project/setMusic': {
    valid: (_, round = 0) => ({
      music: { assetHash: HASH, volume: 0.5 + round / 10, fadeInMs: ms(0), fadeOutMs: ms(0) },
    }),
    invalid: () => ({
      input: { music: { assetHash: 'nope', volume: 0.5, fadeInMs: 0, fadeOutMs: 0 } },
      field: 'music.assetHash',
    }),
  },
  'project/appendScenes': {
    valid: () => ({ part: { scenes: [], shots: [], characters: [] } }),
    invalid: () => ({
      input: { part: { scenes: [{}], shots: [], characters: [] } },
      field: 'part.scenes.0.id',
    }),
  },
  'project/applyReimport': {
    valid: () => ({
      scenes: [],
      shots: [],
      newCharacters: [],
      sceneChanges: [],
      shotChanges: [],
      deletedShotIds: [],
      deletedSceneIds: [],
    }),
    invalid: () => ({ input: { scenes: 'x' }, field: 'scenes' }),
  },
  'timeline/conform': {
    valid: (ids, round = 0) => ({
      plan: {
        clips: [
          {
            shotId: ids.secondShotId,
            copyOf: null,
            sceneId: ids.sceneId,
            durationMs: ms(2000 + round),
            name: '1A',
            transitionOut: { kind: 'crossfade', durationMs: ms(500) },
          },
          {
            shotId: ids.shotId,
            copyOf: null,
            sceneId: ids.sceneId,
            durationMs: ms(3000),
            name: '1',
            transitionOut: null,
          },
          {
            shotId: null,
            copyOf: ids.shotId,
            sceneId: ids.sceneId,
            durationMs: ms(1000),
            name: '1',
            transitionOut: null,
          },
        ],
        deleted: [],
      },
    }),
    invalid: (ids) => ({
      input: {
        plan: {
          clips: [
            {
              shotId: ids.shotId,
              copyOf: null,
              sceneId: ids.sceneId,
              durationMs: 5,
              name: '1',
              transitionOut: null,
            },
          ],
          deleted: [],
        },
      },
      field: 'plan.clips.0.durationMs',
    }),
  },
  'project/restoreVersion': {
    valid: (ids) => ({ snapshot: snapshotNow(ids) }),
    invalid: () => ({ input: { snapshot: {} }, field: 'snapshot.meta' }),
  },
  'scene/add': {
    valid: () => ({ heading: 'EXT. YARD - DAY' }),
    invalid: () => ({ input: { heading: 42 }, field: 'heading' }),
  },
  'scene/addWithShot': {
    valid: () => ({ heading: 'EXT. YARD - DAY' }),
    invalid: () => ({ input: { heading: 'x'.repeat(501) }, field: 'heading' }),
  },
  'scene/setHeading': {
    valid: (ids, round = 0) => ({ sceneId: ids.sceneId, heading: `INT. HALL ${round} - NIGHT` }),
    invalid: (ids) => ({ input: { sceneId: ids.sceneId }, field: 'heading' }),
  },
  'scene/renumberShots': {
    valid: (ids) => ({ sceneId: ids.sceneId }),
    invalid: () => ({ input: { sceneId: '' }, field: 'sceneId' }),
  },
  'scene/delete': {
    valid: (ids) => ({ sceneId: ids.otherSceneId }),
    invalid: () => ({ input: {}, field: 'sceneId' }),
  },
  'shot/update': {
    valid: (ids) => ({ shotId: ids.shotId, patch: { shotType: 'CU' } }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, patch: { shotType: 'HUGE' } },
      field: 'patch.shotType',
    }),
  },
  'shot/insert': {
    valid: (ids) => ({ sceneId: ids.sceneId, index: 1 }),
    invalid: (ids) => ({ input: { sceneId: ids.sceneId, index: -1 }, field: 'index' }),
  },
  'shot/delete': {
    valid: (ids) => ({ shotId: ids.secondShotId }),
    invalid: () => ({ input: { shotId: 7 }, field: 'shotId' }),
  },
  'shot/move': {
    valid: (ids) => ({ shotId: ids.secondShotId, toSceneId: ids.otherSceneId, index: 0 }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, toSceneId: ids.sceneId, index: 0.5 },
      field: 'index',
    }),
  },
  'shot/setFraming': {
    valid: (ids) => ({ shotId: ids.shotId, framing: null }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, framing: { start: 1 } },
      field: 'framing.start',
    }),
  },
  'shot/setTransition': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      transition: { kind: 'crossfade', durationMs: ms(500 + round * 100) },
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, transition: { kind: 'spin', durationMs: 500 } },
      field: 'transition.kind',
    }),
  },
  'shot/setAudioClip': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      clip: {
        id: ids.clipId,
        assetHash: HASH,
        kind: 'import',
        volume: 0.8 - round / 10,
        offsetMs: ms(0),
        durationMs: ms(1000),
      },
    }),
    invalid: (ids) => ({
      input: {
        shotId: ids.shotId,
        clip: { assetHash: HASH, kind: 'shout', volume: 1, offsetMs: 0, durationMs: 1000 },
      },
      field: 'clip.kind',
    }),
  },
  'shot/setAudio': {
    valid: (ids) => ({ shotId: ids.shotId, clips: [] }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, clips: [{}] }, field: 'clips.0.id' }),
  },
  'shot/removeAudioClip': {
    valid: (ids) => ({ shotId: ids.shotId, clipId: ids.clipId }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, clipId: '' }, field: 'clipId' }),
  },
  'shot/fitToAudio': {
    valid: (ids) => ({ shotId: ids.shotId, tailMs: 300 }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, tailMs: -1 }, field: 'tailMs' }),
  },
  'shot/duplicate': {
    valid: (ids) => ({ shotId: ids.shotId }),
    invalid: () => ({ input: { shotId: null }, field: 'shotId' }),
  },
  'shot/split': {
    valid: (ids) => ({ shotId: ids.shotId, atLine: 1 }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, atLine: -2 }, field: 'atLine' }),
  },
  'shot/merge': {
    valid: (ids) => ({ shotIds: [ids.shotId, ids.secondShotId] }),
    invalid: (ids) => ({ input: { shotIds: [ids.shotId] }, field: 'shotIds' }),
  },
  'shot/omit': {
    valid: (ids) => ({ shotId: ids.shotId }),
    invalid: () => ({ input: { shotId: 7 }, field: 'shotId' }),
  },
  'shot/restore': {
    valid: (ids) => ({ shotId: ids.shotId }),
    invalid: () => ({ input: {}, field: 'shotId' }),
  },
  'shots/delete': {
    valid: (ids) => ({ shotIds: [ids.secondShotId] }),
    invalid: () => ({ input: { shotIds: 'all' }, field: 'shotIds' }),
  },
  'shots/moveToScene': {
    valid: (ids) => ({ shotIds: [ids.secondShotId], toSceneId: ids.otherSceneId }),
    invalid: (ids) => ({ input: { shotIds: [ids.shotId] }, field: 'toSceneId' }),
  },
  'shots/retime': {
    valid: (ids) => ({ shotIds: [ids.shotId, ids.secondShotId], retime: { factor: 2 } }),
    invalid: (ids) => ({
      input: { shotIds: [ids.shotId], retime: { factor: 0 } },
      field: 'retime.factor',
    }),
  },
  'shots/update': {
    valid: (ids) => ({ shotIds: [ids.shotId, ids.secondShotId], patch: { cameraAngle: 'high' } }),
    invalid: (ids) => ({
      input: { shotIds: [ids.shotId], patch: { shotType: 'HUGE' } },
      field: 'patch.shotType',
    }),
  },
  'frame/set': {
    valid: (ids) => ({
      shotId: ids.shotId,
      frame: { hash: HASH, source: 'sketch', signature: 's' },
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, frame: { hash: HASH, source: 'paint', signature: '' } },
      field: 'frame.source',
    }),
  },
  'take/add': {
    valid: (ids) => ({
      shotId: ids.shotId,
      take: {
        id: 'take-2',
        hash: HASH,
        providerKind: 'fake',
        providerLabel: 'Fake',
        model: 'm',
        prompt: 'p',
        createdAt: 1,
      },
      makeCurrent: false,
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, take: { id: 'x' }, makeCurrent: true },
      field: 'take.hash',
    }),
  },
  'frame/putPictures': {
    valid: (ids, round = 0) => {
      const take = (n: number) => ({
        id: `upload-${round}-${n}`,
        hash: HASH,
        providerKind: 'upload',
        source: 'upload' as const,
        providerLabel: 'Uploaded',
        model: '',
        prompt: `frame ${n}.png`,
        createdAt: 1,
      });
      return {
        placements: [{ shotId: ids.shotId, take: take(1) }],
        extra: { sceneId: ids.sceneId, takes: [take(2)] },
      };
    },
    invalid: (ids) => ({
      input: { placements: [], extra: { sceneId: ids.sceneId, takes: [] } },
      field: 'extra.takes',
    }),
  },
  'take/choose': {
    valid: (ids) => ({ shotId: ids.shotId, takeId: ids.takeId }),
    invalid: (ids) => ({ input: { shotId: ids.shotId }, field: 'takeId' }),
  },
  'take/remove': {
    valid: (ids) => ({ shotId: ids.shotId, takeId: ids.takeId }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, takeId: 3 }, field: 'takeId' }),
  },
  'clip/stop': {
    valid: (ids) => ({ shotId: ids.shotId }),
    invalid: () => ({ input: { shotId: '' }, field: 'shotId' }),
  },
  'frame/returnToSketch': {
    valid: (ids) => ({ shotId: ids.shotId }),
    invalid: () => ({ input: { shotId: '' }, field: 'shotId' }),
  },
  'drawing/addItem': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      layerId: 'default:pencil',
      item: { ...STROKE, id: `stroke-${round}` },
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, layerId: 'default:pencil', item: { ...STROKE, points: [1, 2] } },
      field: 'item.points',
    }),
  },
  'drawing/addImageLayer': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      layer: { id: `image-${round}`, name: 'Image' },
      picture: {
        id: `picture-${round}`,
        type: 'image',
        hash: HASH,
        points: [-100, -100, 200, 200],
        x: 0,
        y: 0,
        rotation: 0,
        scale: 1,
      },
      aboveLayerId: null,
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, layer: { id: 'a/b', name: 'Image' }, aboveLayerId: null },
      field: 'layer.id',
    }),
  },
  'drawing/setFilters': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      layerId: 'default:ink',
      filters: {
        brightness: round * 10,
        contrast: 0,
        saturation: 0,
        greyscale: true,
        blur: 2,
        posterize: 0,
      },
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, layerId: 'default:ink', filters: { blur: -1 } },
      field: 'filters.blur',
    }),
  },
  'drawing/replaceImage': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      itemId: 'picture-0',
      hash: (round === 0 ? 'b' : 'c').repeat(64) as AssetHash,
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, itemId: 'picture-0', hash: 'not a hash' },
      field: 'hash',
    }),
  },
  'drawing/erase': {
    valid: (ids) => ({ shotId: ids.shotId, itemIds: ['stroke-0'] }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, itemIds: [] }, field: 'itemIds' }),
  },
  'drawing/transform': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      items: [{ ...STROKE, id: 'stroke-0', x: 10 + round, rotation: 15 }],
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, items: [{ ...STROKE, scale: 0 }] },
      field: 'items.0.scale',
    }),
  },
  'drawing/addLayer': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      layer: { id: `layer-${round}`, kind: 'ink', name: 'Ink 2' },
      aboveLayerId: null,
    }),
    invalid: (ids) => ({
      input: {
        shotId: ids.shotId,
        layer: { id: 'l', kind: 'paint', name: 'x' },
        aboveLayerId: null,
      },
      field: 'layer.kind',
    }),
  },
  'drawing/deleteLayer': {
    valid: (ids) => ({ shotId: ids.shotId, layerId: 'layer-0' }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, layerId: '' }, field: 'layerId' }),
  },
  'drawing/updateLayer': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      layerId: 'default:ink',
      patch: { opacity: 0.5 + round / 10 },
    }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, layerId: 'default:ink', patch: { opacity: 2 } },
      field: 'patch.opacity',
    }),
  },
  'drawing/moveLayer': {
    valid: (ids, round = 0) => ({ shotId: ids.shotId, layerId: 'default:notes', index: round }),
    invalid: (ids) => ({
      input: { shotId: ids.shotId, layerId: 'default:notes', index: -1 },
      field: 'index',
    }),
  },
  'drawing/mergeDown': {
    valid: (ids) => ({ shotId: ids.shotId, layerId: 'default:ink' }),
    invalid: (ids) => ({ input: { shotId: ids.shotId }, field: 'layerId' }),
  },
  'drawing/clear': {
    valid: (ids) => ({ shotId: ids.shotId, layerIds: null }),
    invalid: (ids) => ({ input: { shotId: ids.shotId, layerIds: 'all' }, field: 'layerIds' }),
  },
  'drawing/saveFrame': {
    valid: (ids, round = 0) => ({
      shotId: ids.shotId,
      take: {
        id: `drawn-${round}`,
        hash: HASH,
        providerKind: 'drawing',
        providerLabel: 'Drawn',
        model: '',
        prompt: '',
        createdAt: 5,
        source: 'drawn',
      },
    }),
    invalid: (ids) => ({
      input: {
        shotId: ids.shotId,
        take: {
          id: 'd',
          hash: HASH,
          providerKind: 'x',
          providerLabel: 'x',
          model: '',
          prompt: '',
          createdAt: 1,
          source: 'ai',
        },
      },
      field: 'take.source',
    }),
  },
  'character/update': {
    valid: (ids, round = 0) => ({
      characterId: ids.characterId,
      patch: { look: `Tall, grey coat ${round}` },
    }),
    invalid: (ids) => ({
      input: { characterId: ids.characterId, patch: { name: 'X' } },
      field: 'patch',
    }),
  },
  'character/setSheet': {
    valid: (ids) => ({ characterId: ids.characterId, hash: HASH }),
    invalid: (ids) => ({ input: { characterId: ids.characterId, hash: 'abc' }, field: 'hash' }),
  },
  'character/fillBible': {
    valid: (ids) => ({ entries: [{ id: ids.characterId, wardrobe: 'Overalls' }] }),
    invalid: () => ({ input: { entries: [{ wardrobe: 'x' }] }, field: 'entries.0.id' }),
  },
  'character/add': {
    valid: () => ({ name: 'CARLA' }),
    invalid: () => ({ input: { name: '' }, field: 'name' }),
  },
  'character/rename': {
    valid: (ids) => ({ characterId: ids.characterId, name: 'ANNIE' }),
    invalid: (ids) => ({ input: { characterId: ids.characterId, name: '' }, field: 'name' }),
  },
  'character/merge': {
    valid: (ids) => ({ characterId: ids.otherCharacterId, intoId: ids.characterId }),
    invalid: (ids) => ({ input: { characterId: ids.otherCharacterId }, field: 'intoId' }),
  },
  'review/addComment': {
    valid: (ids) => ({
      comment: {
        id: 'c1' as CommentId,
        threadId: 'c1' as ThreadId,
        target: { kind: 'shot', id: ids.shotId },
        body: 'Tighter?',
        mentions: [],
        author: ME,
        createdAt: 1,
        signature: '',
      },
    }),
    invalid: (ids) => ({
      input: { comment: { id: 'c1', threadId: 'c1', target: { kind: 'page', id: ids.shotId } } },
      field: 'comment.target.kind',
    }),
  },
  'review/importNotes': {
    valid: (ids, round = 0) => ({
      comments: [
        {
          id: `review-r${round}-0` as CommentId,
          threadId: `review-r${round}-0` as ThreadId,
          target: { kind: 'shot', id: ids.shotId },
          body: 'Approved.',
          mentions: [],
          author: { name: 'Client', color: '#6b7280', publicKey: '' },
          createdAt: 1,
          signature: '',
          external: 'review-page',
        },
      ],
    }),
    invalid: () => ({ input: { comments: [] }, field: 'comments' }),
  },
  'review/resolveThread': {
    valid: () => ({
      threadId: 'c1' as ThreadId,
      resolution: { resolved: true, by: 'Anna', at: 2 },
    }),
    invalid: () => ({
      input: { threadId: 'c1', resolution: { resolved: 'yes' } },
      field: 'resolution.resolved',
    }),
  },
  'review/setApproval': {
    valid: (ids) => ({
      approval: { shotId: ids.shotId, state: 'approved', author: ME, setAt: 3, signature: '' },
    }),
    invalid: (ids) => ({
      input: { approval: { shotId: ids.shotId, state: 'maybe' } },
      field: 'approval.state',
    }),
  },
  'version/add': {
    valid: () => ({
      version: {
        id: 'v1' as VersionId,
        name: 'First',
        createdAt: 4,
        authorName: 'Anna',
        stateHash: HASH,
        shotCount: 2,
      },
    }),
    invalid: () => ({
      input: { version: { id: 'v1', name: 'First' } },
      field: 'version.createdAt',
    }),
  },
};

let db: FramelineDb;
let session: ProjectSession;
let ids: Ids;
let n = 0;

function snapshotNow(_ids: Ids) {
  return session.getState().snapshot;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = openDb(`every-command-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Every command' }));
  const shotId = runOk(session, 'scene/addWithShot', { heading: 'INT. KITCHEN - NIGHT' })!;
  const sceneId = session.getState().snapshot.shots[0]!.sceneId;
  const secondShotId = runOk(session, 'shot/insert', { sceneId, index: 1 })!;
  const otherSceneId = runOk(session, 'scene/add', { heading: 'EXT. ROOF - NIGHT' });
  const characterId = runOk(session, 'character/add', { name: 'ANNA' });
  const otherCharacterId = runOk(session, 'character/add', { name: 'ANNE' });
  runOk(session, 'shot/update', {
    shotId,
    patch: {
      dialogue: [
        { speaker: 'ANNA', line: 'He is not coming.', parenthetical: '' },
        { speaker: 'ANNE', line: 'He is.', parenthetical: '' },
      ],
      characterIds: [characterId, otherCharacterId],
    },
  });
  runOk(session, 'take/add', {
    shotId,
    take: {
      id: 'take-1',
      hash: HASH,
      providerKind: 'fake',
      providerLabel: 'Fake',
      model: 'm',
      prompt: 'p',
      createdAt: 0,
    },
    makeCurrent: true,
  });
  const clipId = runOk(session, 'shot/setAudioClip', {
    shotId,
    clip: { assetHash: HASH, kind: 'import', volume: 1, offsetMs: ms(0), durationMs: ms(1000) },
  })!;
  ids = {
    sceneId,
    otherSceneId,
    shotId,
    secondShotId,
    characterId,
    otherCharacterId,
    takeId: 'take-1',
    clipId,
  };
  vi.advanceTimersByTime(10_000); // what follows starts a new undo step
  session.undoManager.stopCapturing();
});

afterEach(async () => {
  vi.useRealTimers();
  await session.close();
  db.close();
});

function run<N extends CommandName>(name: N, input: unknown) {
  return session.run(name, input as CommandInput<N>);
}

/** Every update the document makes while `act` runs. */
function updatesDuring(act: () => void): number {
  let count = 0;
  const count1 = () => count++;
  documentOf(session).on('update', count1);
  act();
  documentOf(session).off('update', count1);
  return count;
}

const names = Object.keys(EXAMPLES) as CommandName[];

describe.each(names)('%s', (name) => {
  const example = EXAMPLES[name] as Example<CommandName>;

  test('is refused by a read-only session, which writes nothing', async () => {
    await session.forceReadOnly('another tab runs a newer Frameline');
    let result: ReturnType<typeof run> | undefined;
    const updates = updatesDuring(() => {
      result = run(name, example.valid(ids));
    });
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.error.failure).toBe('read-only');
    expect(updates).toBe(0);
  });

  test('refuses input its schema rejects, naming the field, and writes nothing', () => {
    const { input, field } = example.invalid(ids);
    let result: ReturnType<typeof run> | undefined;
    const updates = updatesDuring(() => {
      result = run(name, input);
    });
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.error.failure).toBe('invalid');
      expect(result.error.field).toBe(field);
    }
    expect(updates).toBe(0);
  });

  test('succeeds with valid input, and its undo policy is what lands on the undo stack', () => {
    const input = example.valid(ids);
    const policy: UndoPolicy = COMMAND_SPECS[name].undo(input as never);
    const before = session.undoManager.undoStack.length;
    const result = run(name, input);
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    const after = session.undoManager.undoStack.length;
    if (policy === 'none') expect(after).toBe(before);
    else expect(after - before).toBeLessThanOrEqual(1);
    if (typeof policy === 'object') {
      // Run again right away with another value: it joins the first step.
      expect(after).toBe(before + 1);
      expect(run(name, example.valid(ids, 1)).ok).toBe(true);
      expect(session.undoManager.undoStack.length).toBe(after);
    } else if (policy === 'step' && after > before) {
      // A step never joins the one before it, however quickly it follows.
      let second: ReturnType<typeof run> | undefined;
      const wrote = updatesDuring(() => {
        second = run(name, example.valid(ids, 1));
      });
      const grew = session.undoManager.undoStack.length - after;
      if (second?.ok && wrote > 0) expect(grew).toBe(1);
    }
  });
});

test('every command in the registry has an example here', () => {
  expect(names.sort()).toEqual((Object.keys(COMMAND_SPECS) as CommandName[]).sort());
});
