import { fileSlug } from '../../export/fileNames';
import { scriptFromProject } from '../../plan/scriptFromProject';
import type { ProjectSession } from '../../store';
import { showError } from '../app/toastStore';
import { downloadBlob } from '../common/download';

/** The script as the boards tell it now, as Fountain or Final Draft. */
export function ExportScriptButtons({ session }: { readonly session: ProjectSession }) {
  const save = async (format: 'fountain' | 'fdx') => {
    try {
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
        onClick={() => void save('fountain')}
        aria-label="Export script as Fountain"
      >
        Fountain
      </button>
      <button
        type="button"
        className="button quiet"
        onClick={() => void save('fdx')}
        aria-label="Export script as Final Draft (FDX)"
      >
        Final Draft (FDX)
      </button>
    </div>
  );
}
