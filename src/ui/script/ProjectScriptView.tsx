import { useDeferredValue, useMemo } from 'react';
import type { ProjectSnapshot } from '../../model/project';
import { scriptFromProject } from '../../plan/scriptFromProject';
import { toFountain } from '../../script/fountain/write';
import { ScriptEditor } from './ScriptEditor';

const keepNothing = () => undefined;

/**
 * The project's script as Fountain, as the boards tell it now (what Export script writes), in
 * the script editor: read, searched and jumped through, not yet written (issue 17 makes the
 * script and the boards one live document; until then an edit here would go nowhere).
 */
export default function ProjectScriptView({ snapshot }: { readonly snapshot: ProjectSnapshot }) {
  // A keystroke in a shot does not wait for the whole script to be written out again.
  const deferred = useDeferredValue(snapshot);
  const text = useMemo(() => toFountain(scriptFromProject(deferred)), [deferred]);
  const cast = useMemo(() => deferred.characters.map((c) => c.name), [deferred.characters]);
  return (
    <section className="project-script-view" aria-label="Script">
      <p className="muted small project-script-note">
        The script as the boards tell it, read-only for now: writing it here comes in a later step.
      </p>
      <ScriptEditor value={text} onChange={keepNothing} label="Script" readOnly characters={cast} />
    </section>
  );
}
