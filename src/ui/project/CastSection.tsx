import { useId, useState } from 'react';
import { castLines } from '../../model/cast';
import { characterName, MAX_CHARACTER_NAME_LENGTH, nameProblem } from '../../model/castEdit';
import type { Character } from '../../model/character';
import type { CharacterId, ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { CharacterBibleButton } from '../ai/CharacterBibleButton';
import { showToast } from '../app/toastStore';
import { plural } from '../common/format';
import { InlineEdit } from '../common/InlineEdit';
import { Menu } from '../common/Menu';
import { MergeCharacterDialog } from './MergeCharacterDialog';
import { useSessionState } from './useSession';

interface Props {
  readonly session: ProjectSession;
  readonly onPickShot: (id: ShotId) => void;
}

type Open =
  | { readonly kind: 'menu'; readonly id: CharacterId; readonly x: number; readonly y: number }
  | { readonly kind: 'rename'; readonly id: CharacterId }
  | { readonly kind: 'merge'; readonly id: CharacterId }
  | null;

/**
 * The cast beside the boards, most lines first: add a character, rename one in place (every line
 * they speak follows), merge two records of one person. Names that speak in the script but are
 * not in the cast yet can be added with one click.
 */
export function CastSection({ session, onPickShot }: Props) {
  // Subscribed here: the script panel around it renders only when its scene rows change.
  const { snapshot } = useSessionState(session);
  const [open, setOpen] = useState<Open>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const byName = new Map(snapshot.characters.map((c) => [c.name, c]));
  const lines = castLines(snapshot);
  const readOnly = session.readOnly;
  const undo = { label: 'Undo', run: () => session.undo() };

  const add = (typed: string): boolean => {
    const name = characterName(typed);
    const why = nameProblem(name, snapshot.characters);
    setProblem(why);
    if (why || !session.run('character/add', { name }).ok) return false;
    showToast({ kind: 'info', title: `Added ${name} to the cast`, action: undo });
    return true;
  };

  const rename = (character: Character, typed: string) => {
    const name = characterName(typed);
    const why = nameProblem(name, snapshot.characters, character.id);
    if (why) {
      showToast({ kind: 'error', title: 'Not renamed', detail: why });
      return;
    }
    if (session.run('character/rename', { characterId: character.id, name }).ok) {
      showToast({ kind: 'info', title: `Renamed ${character.name} to ${name}`, action: undo });
    }
  };

  const opened = open ? snapshot.characters.find((c) => c.id === open.id) : undefined;

  return (
    <section aria-label="Characters" className="cast-section">
      <CharacterBibleButton session={session} />
      <form
        className="cast-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (add(draft)) setDraft('');
        }}
      >
        <input
          aria-label="New character name"
          placeholder="New character"
          value={draft}
          maxLength={MAX_CHARACTER_NAME_LENGTH}
          disabled={readOnly}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="button" disabled={readOnly || draft.trim() === ''}>
          Add
        </button>
      </form>
      {problem ? (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p className="muted cast-empty">
          No characters yet. Add one here, or import a screenplay: everyone who speaks in it joins
          the cast.
        </p>
      ) : null}
      <ol className="cast-list">
        {lines.map((line) => {
          const character = byName.get(line.name);
          const renaming = open?.kind === 'rename' && open.id === character?.id;
          return (
            <li key={line.name} className="cast-row">
              {renaming && character ? (
                <div className="scene-item editing">
                  <InlineEdit
                    className="cast-name"
                    value={character.name}
                    label={`New name for ${character.name}`}
                    maxLength={MAX_CHARACTER_NAME_LENGTH}
                    onCommit={(name) => rename(character, name)}
                    onDone={() => setOpen(null)}
                  />
                </div>
              ) : (
                <button
                  type="button"
                  className="scene-item"
                  disabled={!line.firstShotId}
                  onClick={() => line.firstShotId && onPickShot(line.firstShotId)}
                  onDoubleClick={() => character && setOpen({ kind: 'rename', id: character.id })}
                  onKeyDown={(e) => {
                    if (e.key !== 'F2' || !character || readOnly) return;
                    e.preventDefault();
                    setOpen({ kind: 'rename', id: character.id });
                  }}
                >
                  <span className="cast-name">{line.name}</span>
                  <span className="muted scene-meta">
                    {plural(line.lines, 'line')} · {plural(line.shots, 'shot')}
                    {character ? null : ' · not in the cast'}
                  </span>
                </button>
              )}
              {character ? (
                <button
                  type="button"
                  className="button quiet icon-button"
                  aria-label={`${character.name} actions`}
                  aria-haspopup="menu"
                  onClick={(e) => {
                    const box = e.currentTarget.getBoundingClientRect();
                    setOpen({ kind: 'menu', id: character.id, x: box.left, y: box.bottom + 4 });
                  }}
                >
                  ⋯
                </button>
              ) : (
                <button
                  type="button"
                  className="button quiet"
                  disabled={readOnly}
                  aria-label={`Add ${line.name} to the cast`}
                  onClick={() => add(line.name)}
                >
                  Add
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {open?.kind === 'menu' && opened ? (
        <Menu
          label={opened.name}
          at={open}
          onClose={() => setOpen(null)}
          entries={[
            {
              label: 'Rename',
              shortcut: 'F2',
              disabled: readOnly,
              onSelect: () => setOpen({ kind: 'rename', id: opened.id }),
            },
            {
              label: 'Merge into…',
              disabled: readOnly || snapshot.characters.length < 2,
              onSelect: () => setOpen({ kind: 'merge', id: opened.id }),
            },
          ]}
        />
      ) : null}
      {open?.kind === 'merge' && opened ? (
        <MergeCharacterDialog
          session={session}
          snapshot={snapshot}
          character={opened}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
