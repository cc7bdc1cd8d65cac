import type { ProjectSession, SaveError } from '../../store';
import { ExportProjectButton } from './ExportProjectButton';

/**
 * The latest edits are not in the browser's storage (a full disk, usually): said at the top of
 * the project with the one thing that makes them safe at once, an export of the project as it is
 * in this tab. The tab also asks before it closes (useCloseWarning) until they are saved.
 */
export function SaveAlert({
  session,
  error,
}: {
  readonly session: ProjectSession;
  readonly error: SaveError | Error;
}) {
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
