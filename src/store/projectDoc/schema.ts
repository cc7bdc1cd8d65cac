import type * as Y from 'yjs';
import { PROJECT_SCHEMA_VERSION } from '../../model/project';
import { rootsOf } from './layout';

/**
 * `newer`: the document was written by a later Frameline than this one. Reading is fine (unknown
 * fields are ignored) but writing could drop what we do not understand, so the UI opens it
 * read-only and asks the user to reload into the new version.
 */
export type SchemaStatus = 'empty' | 'current' | 'newer';

export function schemaStatus(doc: Y.Doc): SchemaStatus {
  const version = rootsOf(doc).meta.get('schemaVersion');
  if (typeof version !== 'number') return 'empty';
  return version > PROJECT_SCHEMA_VERSION ? 'newer' : 'current';
}
