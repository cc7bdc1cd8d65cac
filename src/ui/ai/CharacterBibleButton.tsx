import { useCallback, useState } from 'react';
import type { ProjectSession } from '../../store';
import { CharacterBibleDialog } from './CharacterBibleDialog';

/** On the Characters tab: opens the character bible. */
export function CharacterBibleButton({ session }: { readonly session: ProjectSession }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button type="button" className="button quiet ai-bible-button" onClick={() => setOpen(true)}>
        Character bible
      </button>
      {open ? <CharacterBibleDialog session={session} onClose={close} /> : null}
    </>
  );
}
