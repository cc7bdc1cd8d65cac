import { useRef, useState } from 'react';
import { extractBibleByRules } from '../../ai/characters/extractByRules';
import { extractBibleWithLlm } from '../../ai/characters/extractWithLlm';
import { generateCharacterSheet } from '../../ai/characters/characterSheet';
import type { CharacterId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { useSessionState } from '../project/useSession';
import { Dialog } from '../common/Dialog';
import { showError, showToast } from '../app/toastStore';
import { CharacterCard } from './CharacterCard';
import { useAi } from './useAi';
import { sniffMedia } from '../../model/mediaType';

/** Sheets bigger than this are refused: a reference is sent with every frame of the character. */
const MAX_SHEET_BYTES = 8 * 1024 * 1024;

/**
 * The project's character bible: filled from the script (by the text provider when there is one,
 * by rules otherwise), edited by hand, with a sheet image per character.
 */
export function CharacterBibleDialog({
  session,
  onClose,
}: {
  readonly session: ProjectSession;
  readonly onClose: () => void;
}) {
  const ai = useAi();
  const { snapshot } = useSessionState(session);
  const [filling, setFilling] = useState(false);
  const [busy, setBusy] = useState<ReadonlySet<CharacterId>>(new Set());
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadFor = useRef<CharacterId | null>(null);

  const fill = async () => {
    setFilling(true);
    try {
      let source = 'the script (by rules)';
      let entries = extractBibleByRules(snapshot);
      if (await ai.canDo('text')) {
        try {
          entries = await extractBibleWithLlm(ai.router, snapshot);
          source = 'the script (read by your text provider)';
        } catch (error) {
          showError('The text provider could not read the script; used rules instead', error);
        }
      }
      const result = session.run('character/fillBible', { entries });
      if (!result.ok) return;
      const filled = result.value;
      showToast({
        kind: 'info',
        title:
          filled > 0
            ? `Filled ${filled} empty field${filled === 1 ? '' : 's'} from ${source}`
            : 'Nothing new found in the script',
        detail: 'What you had written was kept.',
      });
    } finally {
      setFilling(false);
    }
  };

  const setBusyFor = (id: CharacterId, on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const generate = async (id: CharacterId) => {
    const character = snapshot.characters.find((c) => c.id === id);
    if (!character) return;
    if (!(await ai.canDo('image'))) {
      showToast({
        kind: 'info',
        title: 'No image provider is set up',
        detail: 'Add one in Settings, or upload a sheet.',
      });
      return;
    }
    setBusyFor(id, true);
    try {
      const hash = await generateCharacterSheet(ai.router, ai.assets, character, snapshot.meta);
      session.run('character/setSheet', { characterId: id, hash });
    } catch (error) {
      showError(`Could not generate a sheet for ${character.name}`, error);
    } finally {
      setBusyFor(id, false);
    }
  };

  const upload = async (file: File) => {
    const id = uploadFor.current;
    if (!id) return;
    if (!file.type.startsWith('image/')) return showError('That file is not an image', file.name);
    if (file.size > MAX_SHEET_BYTES)
      return showError('That image is too large for a sheet (8 MB at most)', file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // The name and the claimed type say nothing: a sheet is stored only if its bytes are an image.
      if (sniffMedia(bytes)?.kind !== 'image')
        return showError('That file is not a PNG, JPEG, WebP, GIF or AVIF image', file.name);
      const hash = await ai.assets.put(bytes, file.type);
      session.run('character/setSheet', { characterId: id, hash });
    } catch (error) {
      showError('Could not store the sheet', error);
    }
  };

  return (
    <Dialog title="Character bible" onClose={onClose}>
      <div className="ai-bible">
        <p className="muted">
          What you write here goes into every generated frame the character is in. Providers that
          take reference images also get the sheet.
        </p>
        <div className="ai-row-actions">
          <button
            type="button"
            className="button"
            disabled={filling || session.readOnly || snapshot.characters.length === 0}
            onClick={() => void fill()}
          >
            {filling ? 'Reading the script…' : 'Fill from script'}
          </button>
        </div>
        {snapshot.characters.length === 0 ? (
          <p className="muted">This project has no characters yet.</p>
        ) : null}
        {snapshot.characters.map((character) => (
          <CharacterCard
            key={character.id}
            session={session}
            character={character}
            busy={busy.has(character.id)}
            onUpload={() => {
              uploadFor.current = character.id;
              fileInput.current?.click();
            }}
            onGenerate={() => void generate(character.id)}
          />
        ))}
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          hidden
          aria-label="Character sheet file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void upload(file);
          }}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
