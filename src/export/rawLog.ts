import { strToU8, zipSync, type Zippable } from 'fflate';
import type { RawLog } from '../store';
import { fileSlug } from './fileNames';

/**
 * A project's stored update log as a file, for when the project cannot be opened: nothing is
 * interpreted or repaired, so whoever gets the file can. A zip of one Yjs update (format v1) per
 * stored row, named in the order they were written, the last state that opened if this browser
 * kept one, and a manifest that says how to rebuild the document.
 */
export const RAW_LOG_FORMAT = 'frameline.raw-log';

export interface RawLogManifest {
  readonly format: typeof RAW_LOG_FORMAT;
  readonly version: 1;
  readonly projectId: string;
  readonly title: string;
  readonly exportedAt: string;
  readonly howTo: string;
  readonly changes: readonly {
    readonly file: string;
    readonly seq: number | null;
    readonly bytes: number;
  }[];
  readonly lastGood: {
    readonly file: string;
    readonly savedAt: string;
    readonly shotCount: number;
  } | null;
}

export function rawLogFileName(title: string): string {
  return `${fileSlug(title)}.frameline-log.zip`;
}

export function rawLogArchive(log: RawLog, now: Date = new Date()): Uint8Array {
  const files: Zippable = {};
  const changes = log.rows.map((row, i) => {
    const file = `changes/${String(i + 1).padStart(6, '0')}.yjs`;
    files[file] = [row.update, { level: 0 }];
    return { file, seq: row.seq, bytes: row.update.byteLength };
  });
  if (log.lastGood) files['last-good.yjs'] = [log.lastGood.update, { level: 0 }];
  const manifest: RawLogManifest = {
    format: RAW_LOG_FORMAT,
    version: 1,
    projectId: log.projectId,
    title: log.title,
    exportedAt: now.toISOString(),
    howTo:
      'Each file in changes/ is one Yjs update (format v1) exactly as this browser stored it; applying them in order with Y.applyUpdate (or Y.mergeUpdates) rebuilds the document. last-good.yjs is the whole document as it was when it last opened fine.',
    changes,
    lastGood: log.lastGood
      ? {
          file: 'last-good.yjs',
          savedAt: new Date(log.lastGood.savedAt).toISOString(),
          shotCount: log.lastGood.shotCount,
        }
      : null,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files);
}
