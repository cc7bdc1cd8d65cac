import { fileSlug } from '../../export/fileNames';
import { scriptFromProject } from '../../plan/scriptFromProject';
import { toFdx, toFountain } from '../../script';
import type { ProjectSession } from '../../store';
import { showError } from '../app/toastStore';
import { downloadBlob } from '../common/download';

/** The script as the boards tell it now, as Fountain or Final Draft. */
export function ExportScriptButtons({ session }: { readonly session: ProjectSession }) {
  const save = (format: 'fountain' | 'fdx') => {
    try {
      const { snapshot } = session.getState();
      const script = scriptFromProject(snapshot);
      const text = format === 'fountain' ? toFountain(script) : toFdx(script);
      const type = format === 'fountain' ? 'text/plain' : 'application/xml';
      downloadBlob(
        new Blob([text], { type: `${type};charset=utf-8` }),
        `${fileSlug(snapshot.meta.title)}.${format}`,
      );
    } catch (error) {
      showError('Could not export the script', error);
    }
  };
  return (
    <div className="export-script">
      <span className="muted small">Export script</span>
      <button
        type="button"
        className="button quiet"
        onClick={() => save('fountain')}
        aria-label="Export script as Fountain"
      >
        Fountain
      </button>
      <button
        type="button"
        className="button quiet"
        onClick={() => save('fdx')}
        aria-label="Export script as FDX"
      >
        Final Draft (FDX)
      </button>
    </div>
  );
}
