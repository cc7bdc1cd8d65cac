import { expect, test } from 'vitest';
import type { ProjectId, SceneId, ShotId } from '../../model/ids';
import type { SearchHit } from '../../search/searchClient';
import type { PaletteCommand } from './paletteCommands';
import { paletteGroups, resultCount } from './paletteResults';

const hit = (kind: SearchHit['kind'], n: number): SearchHit => ({
  id: `p/${kind}/${n}`,
  kind,
  projectId: 'p' as ProjectId,
  projectTitle: 'Harbour',
  sceneId: kind === 'project' ? null : ('s' as SceneId),
  shotId: kind === 'shot' ? (`shot-${n}` as ShotId) : null,
  label: `${kind} ${n}`,
  snippet: '',
  score: 10 - n,
});

const render: PaletteCommand = {
  id: 'render',
  label: 'Render animatic…',
  keywords: '',
  run: () => undefined,
};

test('commands first, then results grouped by kind in the order of their best result', () => {
  const groups = paletteGroups(
    [render],
    [hit('shot', 1), hit('scene', 2), hit('shot', 3), hit('project', 4), hit('comment', 5)],
  );
  expect(groups.map((g) => g.label)).toEqual([
    'Commands',
    'Shots',
    'Scenes',
    'Projects',
    'Comments',
  ]);
  expect(groups[1]!.items.map((item) => item.key)).toEqual(['hit:p/shot/1', 'hit:p/shot/3']);
});

test('the best shot is the first item when no command matches; a group shows at most its share', () => {
  const shots = Array.from({ length: 12 }, (_, i) => hit('shot', i));
  const groups = paletteGroups([], [...shots, hit('scene', 20)], 5);
  expect(groups.map((g) => g.label)).toEqual(['Shots', 'Scenes']);
  expect(groups[0]!.items).toHaveLength(5);
  expect(groups[0]!.items[0]).toMatchObject({ kind: 'hit', hit: { shotId: 'shot-0' } });
});

test('the announced count says how many, or that nothing was found for what was typed', () => {
  expect(resultCount(paletteGroups([render], [hit('shot', 1)]), 'x')).toBe('2 results');
  expect(resultCount(paletteGroups([], [hit('shot', 1)]), 'x')).toBe('1 result');
  expect(resultCount([], ' umbrella ')).toBe('Nothing found for “umbrella”');
});
