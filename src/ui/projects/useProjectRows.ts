import { useEffect, useState } from 'react';
import type { ProjectRow } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';

/** The live project list (updates when another tab changes it). `null` while loading. */
export function useProjectRows(): ProjectRow[] | null {
  const { repo } = useServices();
  const [rows, setRows] = useState<ProjectRow[] | null>(null);
  useEffect(() => {
    // Projects deleted in an earlier visit are past their undo window: clear them out now.
    void repo.purgeDeleted().catch((error: unknown) => console.warn('purge failed', error));
    return repo.watch(setRows, (error) => showError('Could not read your projects', error));
  }, [repo]);
  return rows;
}
