import { useState } from 'react';
import { formatDuration, ms } from '../../model/units';
import type { ProjectRow } from '../../store';
import type { FileImports } from '../app/useFileImports';
import { navigate } from '../app/route';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { plural, relativeTime } from '../common/format';
import { useAssetUrl } from '../common/useAssetUrl';
import type { AssetHash } from '../../model/ids';
import { ImportScreenplayButton } from '../app/ImportScreenplayButton';
import { IdeaRuns } from './IdeaRuns';
import { useProjectRows } from './useProjectRows';

export function ProjectList({ imports }: { readonly imports: FileImports }) {
  const rows = useProjectRows();
  if (rows === null) return <p className="muted page-pad">Loading your projects…</p>;
  if (rows.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="empty-title">
        <h2 id="empty-title">No projects yet</h2>
        <p>
          Import a screenplay to get a board for every shot, sketched offline. Frameline reads
          Fountain (.fountain, .spmd), Final Draft (.fdx), PDF (scanned pages too) and plain text
          (.txt); Import project opens a Frameline project (.json), Import bundle a .frameline file.
          Or drop any of them anywhere on this window.
        </p>
        <div className="empty-actions">
          <ImportScreenplayButton imports={imports} primary />
          <button
            className="button"
            type="button"
            disabled={imports.busy}
            onClick={imports.chooseProject}
          >
            Import project
          </button>
          <button
            className="button quiet"
            type="button"
            onClick={() => void imports.createProject()}
          >
            Start an empty project
          </button>
          <a className="button quiet" href="#/idea/new">
            Start from an idea
          </a>
        </div>
        <IdeaRuns />
      </section>
    );
  }
  return (
    <section className="project-list page-pad" aria-labelledby="projects-title">
      <h1 id="projects-title">Projects</h1>
      <IdeaRuns />
      <ul className="project-cards">
        {rows.map((row) => (
          <ProjectCard key={row.id} row={row} />
        ))}
      </ul>
    </section>
  );
}

/** The first frame of the boards, or a quiet blank until one is sketched. */
function ProjectCover({ hash, href }: { readonly hash: AssetHash | null; readonly href: string }) {
  const url = useAssetUrl(hash);
  return (
    <a className="project-cover" href={href} tabIndex={-1} aria-hidden="true">
      {url ? <img src={url} alt="" /> : null}
    </a>
  );
}

function ProjectCard({ row }: { readonly row: ProjectRow }) {
  const { repo } = useServices();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(row.title);

  const commitRename = async () => {
    setRenaming(false);
    const next = title.trim();
    if (!next || next === row.title) return setTitle(row.title);
    await repo.rename(row.id, next).catch((e: unknown) => showError('Could not rename', e));
  };

  const remove = async () => {
    try {
      await repo.softDelete(row.id);
      showToast({
        kind: 'info',
        title: `Deleted “${row.title}”`,
        action: { label: 'Undo', run: () => void repo.restore(row.id) },
      });
    } catch (e) {
      showError('Could not delete the project', e);
    }
  };

  return (
    <li className="project-card panel">
      <ProjectCover hash={row.coverHash ?? null} href={`#/project/${row.id}`} />
      {renaming ? (
        <input
          className="project-title-input"
          aria-label="Project name"
          value={title}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => void commitRename()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commitRename();
            if (e.key === 'Escape') {
              setTitle(row.title);
              setRenaming(false);
            }
          }}
        />
      ) : (
        <a
          className="project-open"
          href={`#/project/${row.id}`}
          onClick={() => navigate({ name: 'project', id: row.id })}
        >
          <strong>{row.title || 'Untitled project'}</strong>
        </a>
      )}
      <p className="muted">
        {plural(row.shotCount, 'shot')} · {formatDuration(ms(row.durationMs))} · edited{' '}
        {relativeTime(row.updatedAt)}
      </p>
      <div className="card-actions">
        <button
          className="button quiet"
          type="button"
          onClick={() => setRenaming(true)}
          aria-label={`Rename ${row.title}`}
        >
          Rename
        </button>
        <button
          className="button quiet danger"
          type="button"
          onClick={() => void remove()}
          aria-label={`Delete ${row.title}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
