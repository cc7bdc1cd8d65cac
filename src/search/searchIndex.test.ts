import { describe, expect, test } from 'vitest';
import type { CharacterId, ProjectId, SceneId, ShotId } from '../model/ids';
import { createScene } from '../model/scene';
import { createShot, type Shot } from '../model/shot';
import { searchDocumentsOf, type SearchableProject } from './searchDocuments';
import { SearchIndex } from './searchIndex';

const scene = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. KITCHEN - NIGHT' });

function shot(id: string, patch: Partial<Shot> = {}): Shot {
  return createShot({ id: id as ShotId, sceneId: scene.id, number: id.toUpperCase(), ...patch });
}

function project(
  id: string,
  shots: Shot[],
  extra: Partial<SearchableProject> = {},
): SearchableProject {
  return {
    projectId: id as ProjectId,
    title: `Project ${id}`,
    tags: [],
    snapshot: {
      scenes: [scene],
      shots,
      characters: [
        { id: 'c1' as CharacterId, name: 'MARA', description: '', look: '', wardrobe: '' } as never,
      ],
    },
    comments: [],
    ...extra,
  };
}

const line = (text: string) => [{ speaker: 'MARA', line: text, parenthetical: '' }];

function indexOf(...projects: SearchableProject[]): SearchIndex {
  const index = new SearchIndex();
  for (const p of projects) index.replaceProject(p.projectId, searchDocumentsOf(p));
  return index;
}

describe('search index', () => {
  test('an edited shot is found by its new text and no longer by the old', () => {
    const before = project('a', [shot('1a', { action: 'A lighthouse in the storm' })]);
    const index = indexOf(before);
    expect(index.search('lighthouse').map((h) => h.shotId)).toEqual(['1a']);

    const after = project('a', [shot('1a', { action: 'A windmill at dawn' })]);
    index.replaceProject(after.projectId, searchDocumentsOf(after));
    expect(index.search('lighthouse')).toEqual([]);
    expect(index.search('windmill').map((h) => h.shotId)).toEqual(['1a']);
  });

  test('a line of dialogue typed as it is ranks its shot above shots sharing some words', () => {
    const index = indexOf(
      project('a', [
        shot('1a', { dialogue: line('The card was never sent, and you know why.') }),
        shot('1b', { action: 'The card on the table was never opened', notes: 'sent back' }),
      ]),
      project('b', [
        shot('2a', { dialogue: line('Why was the card never sent? I know.') }),
        shot('2b', { dialogue: line('The card was never sent.') }),
      ]),
    );
    const hits = index.search('the card was never sent');
    expect(hits[0]?.shotId).toBe('2b');
    expect(hits[1]?.shotId).toBe('1a');
    expect(hits[0]?.snippet).toBe('MARA: The card was never sent.');
    expect(hits.map((h) => h.shotId)).toContain('1b');
  });

  test('finds scenes by heading, projects by tag, comments by body, accents folded', () => {
    const index = indexOf(
      project('a', [shot('1a')], {
        tags: ['campaign', 'café'],
        comments: [
          { id: 'k1', body: 'Needs a wider lens', target: { kind: 'shot', id: '1a' } } as never,
        ],
      }),
    );
    expect(index.search('kitchen').map((h) => h.kind)).toEqual(['scene']);
    expect(index.search('cafe').map((h) => h.kind)).toEqual(['project']);
    const comment = index.search('wider lens')[0];
    expect(comment).toMatchObject({ kind: 'comment', shotId: '1a', label: 'Comment on shot 1A' });
    expect(index.search('mara').map((h) => h.shotId)).toEqual([]);
  });

  test('a removed project leaves nothing behind', () => {
    const index = indexOf(
      project('a', [shot('1a', { action: 'lighthouse' })]),
      project('b', [shot('2a', { action: 'lighthouse keeper' })]),
    );
    index.removeProject('a' as ProjectId);
    expect(index.search('lighthouse').map((h) => h.projectId)).toEqual(['b']);
    expect(index.projects()).toEqual(['b']);
    expect(index.size.documents).toBe(searchDocumentsOf(project('b', [shot('2a')])).length);
  });

  test('documents of another project are refused with what and where', () => {
    const index = new SearchIndex();
    expect(() =>
      index.replaceProject('x' as ProjectId, searchDocumentsOf(project('a', []))),
    ).toThrow(/belongs to project a, not x/);
  });
});
