import type * as Y from 'yjs';
import { PROJECT_SCHEMA_VERSION } from '../../model/schemaVersion';
import { rootsOf } from './layout';

/**
 * Where a document stands against this build's shape (model/schemaVersion.ts):
 * - `empty`: no project in it yet (a new document, or one still arriving from a peer);
 * - `older`: written by an earlier Frameline; opening migrates it (migrate.ts), readers read a
 *   migrated copy until then;
 * - `current`: this build's shape;
 * - `newer`: written by a later Frameline. Reading is fine (unknown fields are ignored) but
 *   writing could drop what we do not understand, so the UI opens it read-only and asks the user
 *   to reload into the new version.
 */
export type SchemaStatus = 'empty' | 'older' | 'current' | 'newer';

/** The version the document says it is written in; null when it holds no project. */
export function documentSchemaVersion(doc: Y.Doc): number | null {
  const version = rootsOf(doc).meta.get('schemaVersion');
  return typeof version === 'number' && Number.isFinite(version) ? version : null;
}

export function schemaStatus(doc: Y.Doc): SchemaStatus {
  const version = documentSchemaVersion(doc);
  if (version === null) return 'empty';
  if (version > PROJECT_SCHEMA_VERSION) return 'newer';
  return version < PROJECT_SCHEMA_VERSION ? 'older' : 'current';
}
