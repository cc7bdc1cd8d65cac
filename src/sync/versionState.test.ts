import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { nestedMapsUpdate } from '../../tests/helpers/hostileUpdates';
import type { VersionId } from '../model/version';
import { VERSION_STATE_MIME } from '../model/version';
import { createProjectMeta } from '../model/project';
import { createAssetStore } from '../store/assets';
import { openDb } from '../store/db';
import { writeSnapshot } from '../store/projectDoc';
import { loadVersion } from './versionState';

/**
 * A version's state is an asset a peer may have written: previewing or restoring it must refuse
 * a state that would lock whoever opens it, and say why.
 */
test('a version whose state holds shared types 100,000 deep is refused as damaged', async () => {
  const assets = createAssetStore(openDb('version-state-deep'));
  const doc = new Y.Doc();
  writeSnapshot(doc, {
    meta: createProjectMeta('Night Shift'),
    scenes: [],
    shots: [],
    characters: [],
  });
  Y.applyUpdate(doc, nestedMapsUpdate({ depth: 100_000, root: 'shots', key: 'evil' }));
  const stateHash = await assets.put(Y.encodeStateAsUpdate(doc), VERSION_STATE_MIME);
  const result = await loadVersion(assets, {
    id: 'v1' as VersionId,
    name: 'Poisoned',
    createdAt: 1,
    authorName: 'Mallory',
    stateHash,
    shotCount: 0,
  });
  expect(result.ok).toBe(false);
  expect(!result.ok && result.message).toMatch(
    /damaged .*nested more than 16 levels deep.*shots › evil/,
  );
});
