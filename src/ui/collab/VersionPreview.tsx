import { useEffect, useState } from 'react';
import { shotsOfScene, type ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import type { ProjectVersion } from '../../model/version';
import { loadVersion, type VersionLoad } from '../../sync/versionState';
import { onAssetStored } from '../../store/assetEvents';
import { relativeTime } from '../common/format';
import { useAssetUrl } from '../common/useAssetUrl';
import { useServices } from '../app/servicesContext';

interface Props {
  readonly version: ProjectVersion;
  readonly readOnly: boolean;
  readonly onRestore: () => void;
  readonly onHide: () => void;
}

/** The boards as the version has them, read-only, with the way to restore it. */
export function VersionPreview({ version, readOnly, onRestore, onHide }: Props) {
  const { assets } = useServices();
  const [load, setLoad] = useState<VersionLoad | null>(null);
  const [arrivals, setArrivals] = useState(0);
  useEffect(() => onAssetStored(version.stateHash, () => setArrivals((n) => n + 1)), [version]);
  useEffect(() => {
    let live = true;
    void loadVersion(assets, version).then((result) => live && setLoad(result));
    return () => {
      live = false;
    };
  }, [assets, version, arrivals]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onHide();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHide]);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onHide()}>
      <div
        className="dialog panel version-preview"
        role="dialog"
        aria-modal="true"
        aria-label={`Version ${version.name}`}
      >
        <header className="drawer-header">
          <div>
            <h2>{version.name}</h2>
            <p className="muted small">
              {version.authorName} · {relativeTime(version.createdAt)} · read-only preview
            </p>
          </div>
          <div className="version-actions">
            <button
              className="button primary"
              type="button"
              disabled={readOnly || !load?.ok}
              onClick={onRestore}
            >
              Restore this version
            </button>
            <button className="button quiet" type="button" onClick={onHide}>
              Hide preview
            </button>
          </div>
        </header>
        {load === null ? <p className="muted">Reading the version…</p> : null}
        {load && !load.ok ? <p role="alert">{load.message}</p> : null}
        {load?.ok ? <PreviewBoards snapshot={load.snapshot} /> : null}
      </div>
    </div>
  );
}

function PreviewBoards({ snapshot }: { snapshot: ProjectSnapshot }) {
  if (snapshot.shots.length === 0) return <p className="muted">This version has no boards.</p>;
  return (
    <div className="preview-boards">
      {snapshot.scenes.map((scene) => (
        <section key={scene.id}>
          <h3 className="scene-title">
            <span className="scene-number">{scene.number}</span> {scene.heading}
          </h3>
          <ol className="board-grid">
            {shotsOfScene(snapshot, scene.id).map((shot) => (
              <li key={shot.id}>
                <PreviewBoard shot={shot} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function PreviewBoard({ shot }: { shot: Shot }) {
  const url = useAssetUrl(shot.frameHash);
  return (
    <figure className="board preview-board" data-preview-shot={shot.number}>
      <span className="board-frame">
        {url ? <img src={url} alt="" /> : <span className="board-placeholder">No frame here</span>}
      </span>
      <figcaption className="board-caption">
        <span className="board-number">{shot.number}</span>
        <span className="board-type">{shot.shotType}</span>
      </figcaption>
      <span className="board-snippet">{shot.action || shot.dialogue[0]?.line || ''}</span>
    </figure>
  );
}
