import { useState } from 'react';
import { clearRenderCaches, deleteUnreferencedAssets, type SizeCount } from '../../store';
import { getActiveSession } from '../app/activeSession';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { plural } from '../common/format';
import { formatBytes } from './formatBytes';
import type { StorageReport } from './useStorageReport';

function sized({ count, bytes }: SizeCount, word: string): string {
  return count === 0 ? '—' : `${formatBytes(bytes)} · ${plural(count, word)}`;
}

/**
 * Per project: its document (the update log), the images it uses and its render cache. A future
 * `renders` store fills the last column; clearing it is already wired.
 */
export function ProjectUsageTable({ report }: { readonly report: StorageReport }) {
  const { repo } = useServices();
  const [busy, setBusy] = useState(false);
  const { usage } = report;
  const act = async (work: () => Promise<SizeCount>, done: (freed: SizeCount) => string) => {
    setBusy(true);
    try {
      await getActiveSession()?.flush();
      showToast({ kind: 'info', title: done(await work()) });
    } catch (error) {
      showError('Could not free the space', error);
    } finally {
      setBusy(false);
      report.refresh();
    }
  };
  if (report.error) return <p className="save-error">{report.error.message}</p>;
  if (!usage) return <p className="muted">Measuring…</p>;
  return (
    <section className="storage-section" aria-labelledby="storage-projects">
      <h3 id="storage-projects">Projects</h3>
      <div className="storage-table-wrap">
        <table className="storage-table">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Document</th>
              <th scope="col">Frames</th>
              <th scope="col">Renders</th>
            </tr>
          </thead>
          <tbody>
            {usage.projects.map((project) => (
              <tr key={project.id}>
                <th scope="row">
                  {project.title || 'Untitled'}
                  {project.deleted ? <span className="muted"> (deleted)</span> : null}
                </th>
                <td>{formatBytes(project.document.bytes)}</td>
                <td>{sized(project.frames, 'image')}</td>
                <td>{sized(project.renders, 'render')}</td>
              </tr>
            ))}
            {usage.projects.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No projects yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <p className="muted">
        All images: {sized(usage.assets, 'image')}. Images shared by projects count in each.
      </p>
      <div className="storage-row">
        <p className="muted">
          Unused images: {sized(usage.unreferenced, 'image')}
          {usage.unreferenced.count > 0 ? ' (images made in the last minute are kept)' : ''}
        </p>
        <div className="storage-actions">
          <button
            className="button"
            type="button"
            disabled={busy || usage.unreferenced.count === 0}
            onClick={() =>
              void act(
                () => deleteUnreferencedAssets(repo.db),
                (freed) =>
                  `Deleted ${plural(freed.count, 'unused image')} (${formatBytes(freed.bytes)})`,
              )
            }
          >
            Delete unused images
          </button>
          <button
            className="button"
            type="button"
            disabled={busy || usage.renders.count === 0}
            onClick={() =>
              void act(
                () => clearRenderCaches(repo.db),
                (freed) => `Cleared ${plural(freed.count, 'render')} (${formatBytes(freed.bytes)})`,
              )
            }
          >
            Clear render caches
          </button>
        </div>
      </div>
    </section>
  );
}
