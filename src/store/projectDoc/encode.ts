import * as Y from 'yjs';
import type { ProjectSnapshot } from '../../model/project';
import { writeSnapshot } from './operations';
import { seedScript } from './scriptText';

/**
 * A new project's whole document as one Yjs update: what its first stored row holds. Pure, so a
 * worker can build a big imported project and hand the page bytes to store (export/screenplayJob).
 */
export function snapshotToUpdate(
  snapshot: ProjectSnapshot,
  /** The screenplay it came from, as Fountain: seeded as the project's script text. */
  script?: string,
): Uint8Array<ArrayBuffer> {
  const doc = new Y.Doc();
  try {
    writeSnapshot(doc, snapshot);
    if (script !== undefined) seedScript(doc, script, snapshot);
    return Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>;
  } finally {
    doc.destroy();
  }
}
