import { useId, useState } from 'react';
import { castLines } from '../../model/cast';
import type { Character } from '../../model/character';
import type { CharacterId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { plural } from '../common/format';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  /** The character that goes (merged into the one picked). */
  readonly character: Character;
  readonly onClose: () => void;
}

/** "Merge X into Y": for two records of one person (BOB and ROBERT), said in full before. */
export function MergeCharacterDialog({ session, snapshot, character, onClose }: Props) {
  const selectId = useId();
  const others = snapshot.characters.filter((c) => c.id !== character.id);
  const [intoId, setIntoId] = useState<CharacterId | undefined>(others[0]?.id);
  const into = others.find((c) => c.id === intoId);
  const usage = castLines(snapshot).find((c) => c.name === character.name);
  return (
    <ConfirmDialog
      title={`Merge ${character.name} into…`}
      confirmLabel={into ? `Merge into ${into.name}` : 'Merge'}
      confirmDisabled={!into}
      onClose={onClose}
      onConfirm={() => {
        if (!into) return;
        const merged = session.run('character/merge', {
          characterId: character.id,
          intoId: into.id,
        });
        if (!merged.ok) return;
        showToast({
          kind: 'info',
          title: `Merged ${character.name} into ${into.name}`,
          action: { label: 'Undo', run: () => session.undo() },
        });
      }}
    >
      <div className="field">
        <label htmlFor={selectId}>Keep</label>
        <select
          id={selectId}
          value={intoId ?? ''}
          onChange={(e) => setIntoId(e.target.value as CharacterId)}
        >
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {into ? (
        <p>
          {plural(usage?.lines ?? 0, 'line')} spoken by {character.name} become {into.name}’s, and
          the {plural(usage?.shots ?? 0, 'shot')} with {character.name} get {into.name}. What{' '}
          {into.name}’s bible leaves empty is filled from {character.name}’s; then {character.name}{' '}
          leaves the cast. You can undo this.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
