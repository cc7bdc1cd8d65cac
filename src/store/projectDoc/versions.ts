import * as Y from 'yjs';
import { projectVersionSchema, type ProjectVersion } from '../../model/version';
import { rootsOf, USER_ORIGIN, type YRecord } from './layout';
import { readInCurrentShape } from './migrate';
import { plainRecord } from './plainRecord';

/**
 * The list of named versions. Each is a Y.Map of plain fields (so store/assetRefs.ts sees the
 * state's hash and keeps its blob); the state itself is an asset (see layout.ts).
 */
export function addVersion(doc: Y.Doc, version: ProjectVersion): void {
  doc.transact(() => {
    const record: YRecord = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(version)) record.set(key, value);
    rootsOf(doc).versions.set(version.id, record);
  }, USER_ORIGIN);
}

/**
 * Newest first; records that do not validate (or are not records) are left out. Older documents
 * read migrated.
 */
export function readVersions(doc: Y.Doc): ProjectVersion[] {
  return readInCurrentShape(doc, (current) => {
    const versions: ProjectVersion[] = [];
    for (const [id, record] of rootsOf(current).versions.entries()) {
      if (!(record instanceof Y.Map)) continue;
      const parsed = projectVersionSchema.safeParse({ ...plainRecord(record), id });
      if (parsed.success) versions.push(parsed.data);
    }
    return versions.sort((a, b) => b.createdAt - a.createdAt);
  });
}
