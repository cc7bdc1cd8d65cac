import { useState } from 'react';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';
import { saveProjectFile } from './exportActions';

/**
 * Saves the whole project (structure and every image and sound) as one JSON file, from this
 * tab's document: it includes edits the browser's storage could not take (see SaveAlert).
 */
export function ExportProjectButton({
  session,
  label = 'Export project',
  primary = false,
}: {
  readonly session: ProjectSession;
  readonly label?: string;
  readonly primary?: boolean;
}) {
  const { assets } = useServices();
  const [busy, setBusy] = useState(false);
  const exportProject = async () => {
    setBusy(true);
    try {
      await saveProjectFile(session, assets);
    } catch (error) {
      showError('Could not export the project', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      className={primary ? 'button primary' : 'button'}
      type="button"
      onClick={() => void exportProject()}
      disabled={busy}
    >
      {label}
    </button>
  );
}
