import { useDeferredValue, useEffect, useId, useMemo, useSyncExternalStore } from 'react';
import type { ProjectSnapshot } from '../../model/project';
import { scriptFromProject } from '../../plan/scriptFromProject';
import { toFountain } from '../../script/fountain/write';
import type { ProjectSession } from '../../store';
import { scriptBinding } from '../../sync/scriptBinding';
import { useCollabRoomOnly } from '../collab/CollabContext';
import { ScriptEditor } from './ScriptEditor';

const keepNothing = () => undefined;

/**
 * The project's script, written here by everyone in the room at once (README "The script and
 * the boards"): the shared text, with each other's cursors; the boards follow it live or on
 * "Update boards". A project from before scripts were kept gets the boards written out as its
 * script the first time it is opened here by someone who may edit it.
 */
export default function ProjectScriptView({
  session,
  snapshot,
}: {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
}) {
  const script = useSyncExternalStore(session.subscribeScriptState, session.getScriptState);
  const readOnly = session.readOnly;
  const awareness = useCollabRoomOnly()?.awareness ?? null;
  const deferred = useDeferredValue(snapshot);
  const cast = useMemo(() => deferred.characters.map((c) => c.name), [deferred.characters]);

  useEffect(() => {
    if (script.seeded || readOnly) return;
    session.run('script/seed', {
      text: toFountain(scriptFromProject(session.getState().snapshot)),
    });
  }, [session, script.seeded, readOnly]);

  const binding = useMemo(
    () => (script.seeded ? scriptBinding(session, awareness) : null),
    // A new generation is a new shared text to bind to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, awareness, script.seeded, script.generation],
  );

  return (
    <section className="project-script-view" aria-label="Script" data-region="script">
      <ScriptToolbar session={session} follow={script.follow} behind={script.behind} />
      {binding ? (
        <ScriptEditor
          key={script.generation}
          value={binding.text}
          onChange={keepNothing}
          binding={binding}
          label="Script"
          readOnly={readOnly}
          characters={cast}
        />
      ) : (
        <UnseededScript snapshot={deferred} cast={cast} />
      )}
    </section>
  );
}

/** A read-only project that never had its script: the boards written out, to read. */
function UnseededScript({
  snapshot,
  cast,
}: {
  readonly snapshot: ProjectSnapshot;
  readonly cast: readonly string[];
}) {
  const text = useMemo(() => toFountain(scriptFromProject(snapshot)), [snapshot]);
  return (
    <ScriptEditor value={text} onChange={keepNothing} label="Script" readOnly characters={cast} />
  );
}

function ScriptToolbar({
  session,
  follow,
  behind,
}: {
  readonly session: ProjectSession;
  readonly follow: 'live' | 'button';
  readonly behind: boolean;
}) {
  const id = useId();
  const readOnly = session.readOnly;
  return (
    <div className="project-script-toolbar">
      <label htmlFor={`${id}-follow`} className="small muted">
        Boards follow the script
      </label>
      <select
        id={`${id}-follow`}
        value={follow}
        disabled={readOnly}
        onChange={(e) =>
          session.run('script/setFollow', { mode: e.target.value === 'button' ? 'button' : 'live' })
        }
      >
        <option value="live">as you type</option>
        <option value="button">on Update boards</option>
      </select>
      {follow === 'button' ? (
        <button
          type="button"
          className="button"
          disabled={readOnly || !behind}
          onClick={() => session.run('script/followBoards', { by: 'button' })}
        >
          Update boards
        </button>
      ) : null}
      <p className="small muted project-script-note" aria-live="polite">
        {readOnly
          ? 'Read-only: the script as it is now.'
          : follow === 'button' && behind
            ? 'The boards do not show your latest changes yet.'
            : 'Drawn, uploaded and generated frames are kept; a beat you cut that has one stays as OMITTED.'}
      </p>
    </div>
  );
}
