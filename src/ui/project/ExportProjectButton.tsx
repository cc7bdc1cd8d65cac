import { useState } from 'react';
import { projectToJson, type AssetBytes } from '../../export/projectJson';
import { referencedAssetHashes, type ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';
import { projectFileName } from '../../export/fileNames';
import { downloadBlob } from '../common/download';

/** Saves the whole project (structure and every image and sound) as one JSON file. */
export function ExportProjectButton({ session }: { readonly session: ProjectSession }) {
  const { assets } = useServices();
  const [busy, setBusy] = useState(false);
  const exportProject = async () => {
    setBusy(true);
    try {
      await session.flush();
      const { snapshot } = session.getState();
      const files: AssetBytes[] = [];
      // Every asset the document names: frames, takes, character sheets, sound and music.
      for (const hash of referencedAssetHashes(session.doc)) {
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
    } catch (error) {
      showError('Could not export the project', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button className="button" type="button" onClick={() => void exportProject()} disabled={busy}>
      Export project
    </button>
  );
}
