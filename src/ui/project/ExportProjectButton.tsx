import { useState } from 'react';
import { projectToJson, type AssetBytes } from '../../export/projectJson';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';
import { projectFileName } from '../../export/fileNames';
import { downloadBlob } from '../common/download';

/** Saves the whole project (structure and frame images) as one JSON file. */
export function ExportProjectButton({ session }: { readonly session: ProjectSession }) {
  const { assets } = useServices();
  const [busy, setBusy] = useState(false);
  const exportProject = async () => {
    setBusy(true);
    try {
      await session.flush();
      const { snapshot } = session.getState();
      const files: AssetBytes[] = [];
      for (const hash of new Set(snapshot.shots.flatMap((s) => s.frameHash ?? []))) {
        const blob = await assets.get(hash);
        if (blob)
          files.push({
            hash,
            mimeType: blob.type || 'image/png',
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
