import { lazy, Suspense, useEffect } from 'react';
import type { ProjectSnapshot } from '../../model/project';
import type { ProjectSession } from '../../store';
import { closeFrameEditor, useOpenFrameEditor } from './editorLauncher';

/** The editor and its canvas library load on first use: they are not in the first page load. */
const FrameEditor = lazy(() => import('./FrameEditor'));

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
}

/** Shows the frame editor while a shot is open in it (editorLauncher.ts). */
export function FrameEditorHost({ session, snapshot }: Props) {
  const shotId = useOpenFrameEditor();
  const exists = shotId !== null && snapshot.shots.some((s) => s.id === shotId);
  // A shot deleted meanwhile (by a collaborator) closes the editor.
  useEffect(() => {
    if (shotId !== null && !exists) closeFrameEditor();
  }, [shotId, exists]);
  // Leaving the project closes it too.
  useEffect(() => closeFrameEditor, [session]);
  if (shotId === null || !exists) return null;
  return (
    <Suspense
      fallback={
        <div className="frame-editor-loading" role="status">
          Opening the frame editor…
        </div>
      }
    >
      <FrameEditor
        key={shotId}
        session={session}
        snapshot={snapshot}
        shotId={shotId}
        onClose={closeFrameEditor}
      />
    </Suspense>
  );
}
