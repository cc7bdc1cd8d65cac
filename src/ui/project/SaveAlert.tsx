import type { ProjectSession } from '../../store';
import { ExportProjectButton } from './ExportProjectButton';
import { useSaveState } from './useSession';

/**
 * The latest edits are not in the browser's storage (a full disk, usually): said at the top of
 * the project with the one thing that makes them safe at once, an export of the project as it is
 * in this tab. The tab also asks before it closes (useCloseWarning) until they are saved.
 */
export function SaveAlert({ session }: { readonly session: ProjectSession }) {
  // Its own subscription to the save state: saving/saved re-renders this, not the project view.
  const { error } = useSaveState(session);
  if (!error) return null;
  return (
    <section className="save-alert" role="alert" aria-labelledby="save-alert-title">
      <div className="save-alert-text">
        <h2 id="save-alert-title">Not saved — export a copy</h2>
        <p>{error.message}</p>
      </div>
      <ExportProjectButton session={session} label="Export a copy" primary />
    </section>
  );
}
