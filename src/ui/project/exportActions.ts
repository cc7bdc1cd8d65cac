import { BUNDLE_MIME_TYPE } from '../../export/bundle/format';
import { fileSlug, projectFileName } from '../../export/fileNames';
import { projectToJson, type AssetBytes } from '../../export/projectJson';
import {
  subtitleFileName,
  subtitlesFor,
  SUBTITLE_MIME_TYPES,
  type SubtitleFormat,
} from '../../export/subtitles';
import { captionsFor } from '../../model/captions';
import { scriptFromProject } from '../../plan/scriptFromProject';
import { recordExport } from '../../pwa/backupReminder';
import { BUILD_ID } from '../../pwa/buildInfo';
import type { AssetStore, ProjectRepository, ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';
import { downloadBlob } from '../common/download';
import { plural } from '../common/format';

/**
 * The exports that were buttons of their own (project file, bundle, subtitles, script), as plain
 * functions the Export menu and the remaining buttons (SaveAlert's "Export a copy") share.
 */

/** The whole project (structure and every image and sound) as one JSON file, from this tab. */
export async function saveProjectFile(session: ProjectSession, assets: AssetStore): Promise<void> {
  await session.flush();
  const { snapshot } = session.getState();
  const files: AssetBytes[] = [];
  // Every asset the document names: frames, takes, character sheets, sound and music.
  for (const hash of session.referencedAssetHashes()) {
    const blob = await assets.get(hash);
    if (blob)
      files.push({
        hash,
        // Parameters (`;codecs=opus`) are not part of a file's type in our format.
        mimeType: blob.type.split(';')[0] || 'application/octet-stream',
        bytes: new Uint8Array(await blob.arrayBuffer()),
      });
  }
  const json = projectToJson(snapshot, files);
  downloadBlob(
    new Blob([json], { type: 'application/json' }),
    projectFileName(snapshot.meta.title),
  );
}

/** The open project as one `.frameline` file (document, manifest and every image). */
export async function saveBundle(
  session: ProjectSession,
  repo: ProjectRepository,
  assets: AssetStore,
): Promise<void> {
  await session.flush();
  // Loaded on use: zip code has no business in the first page load.
  const { bundleSource, startBundleWrite } = await import('../../export/bundle');
  // The page reads the document and looks up the images; the bundle worker reads and zips them.
  const written = await startBundleWrite(await bundleSource(repo.db, assets, session.id), BUILD_ID)
    .promise;
  if (!written.ok) throw new Error(written.error);
  const bundle = written.value;
  downloadBlob(new Blob([bundle.bytes], { type: BUNDLE_MIME_TYPE }), bundle.fileName);
  recordExport();
  if (bundle.missingAssets > 0) {
    showToast({
      kind: 'error',
      title: `${plural(bundle.missingAssets, 'image')} missing from the bundle`,
      detail: 'This browser no longer had them; the bundle lists them as missing.',
    });
  }
}

/** The dialogue as timed captions, read when asked so the file matches the boards as they are. */
export function saveSubtitles(session: ProjectSession, format: SubtitleFormat): void {
  const project = session.getState().snapshot;
  const text = subtitlesFor(captionsFor(project), format);
  downloadBlob(
    new Blob([text], { type: SUBTITLE_MIME_TYPES[format] }),
    subtitleFileName(project.meta.title, format),
  );
}

/** The script as the boards tell it now, as Fountain or Final Draft. */
export async function saveScript(
  session: ProjectSession,
  format: 'fountain' | 'fdx',
): Promise<void> {
  const { snapshot } = session.getState();
  const script = scriptFromProject(snapshot);
  // The writers (and the XML library behind FDX) load on first use, not with the app.
  const { toFdx, toFountain } = await import('../../script');
  const text = format === 'fountain' ? toFountain(script) : toFdx(script);
  const type = format === 'fountain' ? 'text/plain' : 'application/xml';
  downloadBlob(
    new Blob([text], { type: `${type};charset=utf-8` }),
    `${fileSlug(snapshot.meta.title)}.${format}`,
  );
}
