import { useEffect, useState } from 'react';
import type { Scene } from '../../model/scene';
import type { ProjectSession } from '../../store';
import { SceneSuggestionsDialog } from '../ai/SceneSuggestionsDialog';
import { openSettings } from '../ai/settingsDialogStore';
import { useAi } from '../ai/useAi';
import { Menu } from '../common/Menu';
import { DeleteSceneDialog, RenumberSceneDialog } from './SceneDialogs';
import { useSessionState } from './useSession';

interface Props {
  readonly session: ProjectSession;
  readonly scene: Scene;
  /** Puts the scene's heading into its edit field. */
  readonly onEditHeading: () => void;
}

type Open =
  { readonly menuAt: { x: number; y: number } } | 'renumber' | 'delete' | 'suggest' | null;

/**
 * A scene's "⋯" menu: edit its heading, renumber its shots, delete it (each asked first). Nothing
 * is worked out about the scene until the menu opens: there is one of these per scene, twice, so
 * only an open menu follows the project's snapshot (typing elsewhere renders none of the others).
 */
export function SceneActions({ session, scene, onEditHeading }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const menuAt = typeof open === 'object' && open !== null ? open.menuAt : null;
  return (
    <>
      <button
        type="button"
        className="button quiet icon-button"
        aria-label={`Scene ${scene.number} actions`}
        aria-haspopup="menu"
        aria-expanded={menuAt !== null}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setOpen({ menuAt: { x: box.left, y: box.bottom + 4 } });
        }}
      >
        ⋯
      </button>
      {open ? (
        <OpenSceneActions
          session={session}
          scene={scene}
          open={open}
          onOpen={setOpen}
          onEditHeading={onEditHeading}
        />
      ) : null}
    </>
  );
}

function OpenSceneActions({
  session,
  scene,
  open,
  onOpen,
  onEditHeading,
}: Props & {
  readonly open: Exclude<Open, null>;
  readonly onOpen: (open: Open) => void;
}) {
  const { snapshot } = useSessionState(session);
  const ai = useAi();
  // null until known: the entry must not offer set-up to someone who has a text model.
  const [canWrite, setCanWrite] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void ai.canDo('text').then((yes) => live && setCanWrite(yes));
    return () => {
      live = false;
    };
  }, [ai]);
  const hasShots = snapshot.shots.some((s) => s.sceneId === scene.id && !s.omitted);
  const close = () => onOpen(null);
  const setOpen = onOpen;
  const menuAt = typeof open === 'object' ? open.menuAt : null;
  return (
    <>
      {menuAt ? (
        <Menu
          label={`Scene ${scene.number}`}
          at={menuAt}
          onClose={close}
          entries={[
            {
              label: 'Edit heading',
              shortcut: 'F2',
              disabled: session.readOnly,
              onSelect: onEditHeading,
            },
            {
              label: 'Renumber shots…',
              disabled: session.readOnly || !snapshot.shots.some((s) => s.sceneId === scene.id),
              onSelect: () => setOpen('renumber'),
            },
            canWrite === false
              ? {
                  label: 'Suggest changes… (set up a text model)',
                  onSelect: () => openSettings('providers'),
                }
              : {
                  label: 'Suggest changes…',
                  disabled: session.readOnly || !hasShots || canWrite === null,
                  onSelect: () => setOpen('suggest'),
                },
            'separator',
            {
              label: 'Delete scene…',
              danger: true,
              disabled: session.readOnly,
              onSelect: () => setOpen('delete'),
            },
          ]}
        />
      ) : null}
      {open === 'renumber' ? (
        <RenumberSceneDialog session={session} snapshot={snapshot} scene={scene} onClose={close} />
      ) : null}
      {open === 'suggest' ? (
        <SceneSuggestionsDialog
          session={session}
          snapshot={snapshot}
          scene={scene}
          onClose={close}
        />
      ) : null}
      {open === 'delete' ? (
        <DeleteSceneDialog session={session} snapshot={snapshot} scene={scene} onClose={close} />
      ) : null}
    </>
  );
}
