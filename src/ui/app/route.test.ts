import { describe, expect, test } from 'vitest';
import { hrefOf, parseRoute } from './route';

describe('routes', () => {
  test('the idea wizard: a run by its id, and #/idea for a new one', () => {
    expect(parseRoute('#/idea/3f2c-aa')).toEqual({ name: 'idea', runId: '3f2c-aa' });
    expect(parseRoute('#/idea')).toEqual({ name: 'idea', runId: 'new' });
    expect(parseRoute('#/idea/new')).toEqual({ name: 'idea', runId: 'new' });
    expect(hrefOf({ name: 'idea', runId: 'r1' })).toBe('#/idea/r1');
  });

  test('projects and the list are as before; anything else is the list', () => {
    expect(parseRoute('#/project/p-1')).toEqual({ name: 'project', id: 'p-1' });
    expect(hrefOf({ name: 'project', id: parseRouteId('p-1') })).toBe('#/project/p-1');
    expect(parseRoute('#/ideas')).toEqual({ name: 'list' });
    expect(parseRoute('#/idea/../x')).toEqual({ name: 'list' });
    expect(parseRoute('')).toEqual({ name: 'list' });
  });
});

function parseRouteId(id: string) {
  const route = parseRoute(`#/project/${id}`);
  if (route.name !== 'project') throw new Error('not a project route');
  return route.id;
}
