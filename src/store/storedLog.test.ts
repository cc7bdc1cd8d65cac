import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { nestedMapsUpdate } from '../../tests/helpers/hostileUpdates';
import { screenStoredLog } from './storedLog';

/** A log of one row is screened in one read; it must say what the general screen says. */
const empty = Y.encodeStateAsUpdate(new Y.Doc());
const asIfOfTwo = (damage: ReturnType<typeof screenStoredLog>['damage']) =>
  damage.map((d) => ({ ...d, changes: 2 }));

describe('screenStoredLog, one row', () => {
  test('a readable row passes as it is', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Night Shift');
    const row = Y.encodeStateAsUpdate(doc);
    const screened = screenStoredLog([row]);
    expect(screened).toEqual({ update: row, damage: [], changes: 1 });
  });

  test('an unreadable row is named as the general screen names it', () => {
    const row = new Uint8Array([1, 200, 7, 7, 7]);
    const alone = screenStoredLog([row]);
    const beside = screenStoredLog([row, empty]);
    expect(alone.update).toBeNull();
    expect(alone.damage).toEqual([
      { reason: beside.damage[0]!.reason, where: 'the whole change', change: 1, changes: 1 },
    ]);
  });

  test('a part nested too deep is cut out and located as the general screen does', () => {
    const row = nestedMapsUpdate({ depth: 200 });
    const alone = screenStoredLog([row]);
    const beside = screenStoredLog([row, empty]);
    expect(alone.damage.length).toBeGreaterThan(0);
    expect(asIfOfTwo(alone.damage)).toEqual(beside.damage);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, alone.update!);
    const other = new Y.Doc();
    Y.applyUpdate(other, beside.update!);
    expect(doc.getMap('versions').size).toBe(other.getMap('versions').size);
  });
});
