import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import type { ProjectId } from '../model/ids';
import { rawLogArchive, rawLogFileName, type RawLogManifest } from './rawLog';

test('the raw log file holds every stored change byte for byte, in order, with a manifest', () => {
  const rows = [
    { seq: 3, update: new Uint8Array([1, 2, 3]) },
    { seq: 9, update: new Uint8Array([4, 5]) },
  ];
  const zip = rawLogArchive(
    {
      projectId: 'p1' as ProjectId,
      title: 'Night Shift',
      rows,
      lastGood: { savedAt: 0, title: 'Night Shift', shotCount: 3, update: new Uint8Array([7]) },
    },
    new Date(1000),
  );
  const files = unzipSync(zip);
  expect(Object.keys(files).sort()).toEqual([
    'changes/000001.yjs',
    'changes/000002.yjs',
    'last-good.yjs',
    'manifest.json',
  ]);
  expect([...files['changes/000001.yjs']!]).toEqual([1, 2, 3]);
  expect([...files['changes/000002.yjs']!]).toEqual([4, 5]);
  expect([...files['last-good.yjs']!]).toEqual([7]);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as RawLogManifest;
  expect(manifest).toMatchObject({
    format: 'frameline.raw-log',
    projectId: 'p1',
    exportedAt: '1970-01-01T00:00:01.000Z',
    changes: [
      { file: 'changes/000001.yjs', seq: 3, bytes: 3 },
      { file: 'changes/000002.yjs', seq: 9, bytes: 2 },
    ],
    lastGood: { file: 'last-good.yjs', shotCount: 3 },
  });
  expect(rawLogFileName('Night Shift!')).toBe('night-shift.frameline-log.zip');
});
