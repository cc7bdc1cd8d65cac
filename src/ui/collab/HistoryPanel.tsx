import { useState } from 'react';
import type { ProjectVersion } from '../../model/version';
import type { ProjectSession } from '../../store';
import { saveVersion } from '../../store/versionHistory';
import { loadVersion } from '../../sync/versionState';
import { relativeTime } from '../common/format';
import { navigate } from '../app/route';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { useCollab } from './CollabContext';
import { useCollabStores } from './collabServices';
import { Drawer } from './Drawer';
import { useVersions } from './useReview';
import { VersionPreview } from './VersionPreview';

interface Props {
  readonly session: ProjectSession;
  readonly onHide: () => void;
}

/**
 * Named versions (save, preview, restore as a new change everyone sees and I can undo) and
 * alternate cuts (a whole copy to take somewhere else).
 */
export function HistoryPanel({ session, onHide }: Props) {
  const collab = useCollab();
  const { assets } = useServices();
  const stores = useCollabStores();
  const versions = useVersions(session);
  const [name, setName] = useState('');
  const [previewing, setPreviewing] = useState<ProjectVersion | null>(null);
  const author = collab?.me?.name ?? 'Someone';
  const readOnly = session.readOnly;

  const save = async () => {
    try {
      const version = await saveVersion(session, assets, name || 'Untitled version', author);
      setName('');
      showToast({ kind: 'info', title: `Saved version “${version.name}”` });
    } catch (error) {
      showError('The version was not saved', error);
    }
  };

  const restore = async (version: ProjectVersion) => {
    const loaded = await loadVersion(assets, version);
    if (!loaded.ok)
      return showToast({ kind: 'error', title: 'Not restored', detail: loaded.message });
    try {
      // What is replaced stays one click away, for everyone, in this list.
      await saveVersion(session, assets, `Before restoring “${version.name}”`, author);
      const restored = session.run('project/restoreVersion', { snapshot: loaded.snapshot });
      if (!restored.ok) return;
      setPreviewing(null);
      showToast({
        kind: 'info',
        title: `Restored “${version.name}”`,
        action: { label: 'Undo', run: () => session.undo() },
      });
    } catch (error) {
      showError('The version was not restored', error);
    }
  };

  const alternate = async () => {
    const title = `${session.getState().snapshot.meta.title} — alternate cut`;
    try {
      await session.flush();
      const id = await stores.variants.createVariantOf(session, title);
      navigate({ name: 'project', id });
    } catch (error) {
      showError('The alternate cut was not made', error);
    }
  };

  return (
    <Drawer title="History" hideLabel="Hide history" onHide={onHide}>
      <form
        className="version-save"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>Version name</span>
          <input
            value={name}
            maxLength={120}
            placeholder="Director's pass"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button className="button" type="submit" disabled={readOnly}>
          Save version
        </button>
      </form>
      <ul className="version-list" aria-label="Versions">
        {versions.length === 0 ? <li className="muted">No versions saved yet.</li> : null}
        {versions.map((version) => (
          <li key={version.id} className="version-item">
            <div>
              <strong>{version.name}</strong>
              <p className="muted small">
                {version.authorName} · {relativeTime(version.createdAt)} · {version.shotCount} shots
              </p>
            </div>
            <div className="version-actions">
              <button
                className="button quiet"
                type="button"
                aria-label={`Preview version ${version.name}`}
                onClick={() => setPreviewing(version)}
              >
                Preview
              </button>
              <button
                className="button quiet"
                type="button"
                disabled={readOnly}
                aria-label={`Restore version ${version.name}`}
                onClick={() => void restore(version)}
              >
                Restore
              </button>
            </div>
          </li>
        ))}
      </ul>
      <section className="alternate-cuts" aria-label="Alternate cuts">
        <h3 className="pane-title">Alternate cuts</h3>
        <p className="muted small">
          A whole copy of this project to try another edit. Switch between cuts in the toolbar. A
          cut is not shared until you share it.
        </p>
        <button className="button" type="button" onClick={() => void alternate()}>
          Make alternate cut
        </button>
      </section>
      {previewing ? (
        <VersionPreview
          version={previewing}
          readOnly={readOnly}
          onRestore={() => void restore(previewing)}
          onHide={() => setPreviewing(null)}
        />
      ) : null}
    </Drawer>
  );
}
