import { describe, expect, test } from 'vitest';
import type { Approval } from '../../model/approval';
import type { Comment } from '../../model/comment';
import type { SceneId, ShotId } from '../../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import { ms } from '../../model/units';
import { clockDuration, pdfInputOf, selectShots } from './pdfInput';
import { ALL_BOARDS } from './pdfOptions';

const sceneId = (n: number) => `scene-${n}` as SceneId;
const shotId = (n: string) => `shot-${n}` as ShotId;

function snapshot(): ProjectSnapshot {
  const scenes = [1, 2, 3].map((n) =>
    createScene({ id: sceneId(n), number: String(n), heading: `INT. ROOM ${n} - DAY` }),
  );
  const shots = ['1', '1A', '2', '2A', '2B', '3'].map((number) =>
    createShot({
      id: shotId(number),
      sceneId: sceneId(Number(number[0])),
      number,
      durationMs: ms(65_000),
      omitted: number === '2A',
    }),
  );
  return { meta: createProjectMeta('Test'), scenes, shots, characters: [] };
}

const author = { publicKey: 'k', name: 'Ana', color: '#000' } as Comment['author'];

describe('what goes into the PDF', () => {
  test('durations read as m:ss', () => {
    expect(clockDuration(65_000)).toBe('1:05');
    expect(clockDuration(3_000)).toBe('0:03');
    expect(clockDuration(2_500)).toBe('0:02.5');
    expect(clockDuration(1_178_380)).toBe('19:38.4');
  });

  test('scenes and a range of shot numbers select boards, OMITTED shots never print', () => {
    const numbers = (selection = ALL_BOARDS) =>
      selectShots(snapshot(), selection).map((s) => s.number);
    expect(numbers()).toEqual(['1', '1A', '2', '2B', '3']);
    expect(numbers({ sceneIds: [sceneId(2), sceneId(3)], fromShot: '', toShot: '' })).toEqual([
      '2',
      '2B',
      '3',
    ]);
    expect(numbers({ sceneIds: [], fromShot: '1A', toShot: '2B' })).toEqual(['1A', '2', '2B']);
    expect(numbers({ sceneIds: [], fromShot: 'nope', toShot: '' })).toEqual([
      '1',
      '1A',
      '2',
      '2B',
      '3',
    ]);
  });

  test('approvals and open comments are joined to their shots', () => {
    const comment = (id: string, target: string, body: string): Comment => ({
      id: id as Comment['id'],
      threadId: id as Comment['threadId'],
      target: { kind: 'shot', id: shotId(target) },
      body,
      mentions: [],
      author,
      createdAt: 1,
      signature: '',
    });
    const approval = {
      shotId: shotId('2'),
      state: 'approved',
      author,
      setAt: 1,
      signature: '',
    } as Approval;
    const input = pdfInputOf(
      snapshot(),
      {
        comments: [comment('c1', '1', 'Wider here'), comment('c2', '1', 'Resolved one')],
        resolutions: new Map([['c2', { resolved: true, by: 'k', at: 2 }]]),
        approvals: new Map([[shotId('2'), approval]]),
      },
      ALL_BOARDS,
      { version: '2', dateText: 'today' },
    );
    expect(input.boards[0]?.comments).toEqual([{ author: 'Ana', body: 'Wider here' }]);
    expect(input.boards[2]?.approval).toBe('approved');
    expect(input.boards[0]?.sceneHeading).toBe('INT. ROOM 1 - DAY');
    expect(input.aspect).toBeCloseTo(16 / 9);
  });
});
