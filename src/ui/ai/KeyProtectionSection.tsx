import { useState } from 'react';
import { showError } from '../app/toastStore';
import { useAi, useVaultState } from './useAi';

/** Passphrases shorter than this are refused: PBKDF2 slows guessing, it cannot save "1234". */
const MIN_PASSPHRASE_CHARS = 8;

/**
 * How keys are protected at rest: by a key that never leaves this browser (default), or by a
 * passphrase the user types once per session.
 */
export function KeyProtectionSection() {
  const ai = useAi();
  const state = useVaultState();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!state) return null;

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await work());
      setPassphrase('');
      setRepeat('');
    } catch (error) {
      showError('Could not change key protection', error);
    } finally {
      setBusy(false);
    }
  };

  if (state.mode === 'passphrase' && state.locked) {
    return (
      <form
        className="ai-keys"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () =>
            (await ai.vault.unlock(passphrase)) ? 'Unlocked.' : 'That passphrase is not right.',
          );
        }}
      >
        <p>Your keys are locked with a passphrase. Unlock them to generate with AI.</p>
        <label className="field">
          <span>Passphrase</span>
          <input
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={busy || !passphrase}>
            Unlock keys
          </button>
        </div>
        {message ? <p role="status">{message}</p> : null}
      </form>
    );
  }

  const tooShort = passphrase.length < MIN_PASSPHRASE_CHARS;
  const mismatch = repeat !== passphrase;
  return (
    <div className="ai-keys">
      <p className="muted">
        {state.mode === 'device'
          ? 'Keys are encrypted (AES-GCM) with a key this browser keeps and never lets a page read. Add a passphrase if others use this computer.'
          : 'Keys are encrypted with your passphrase (PBKDF2, 600,000 rounds). You enter it once per visit.'}
      </p>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (tooShort || mismatch) return;
          void run(async () => {
            await ai.vault.usePassphrase(passphrase);
            return 'Keys are now protected by your passphrase.';
          });
        }}
      >
        <label className="field">
          <span>{state.mode === 'device' ? 'New passphrase' : 'Change passphrase'}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Repeat passphrase</span>
          <input
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </label>
        <div className="ai-keys-actions">
          <button type="submit" className="button" disabled={busy || tooShort || mismatch}>
            Use passphrase
          </button>
        </div>
      </form>
      {passphrase && tooShort ? (
        <p className="muted">At least {MIN_PASSPHRASE_CHARS} characters.</p>
      ) : null}
      {state.mode === 'passphrase' ? (
        <div className="ai-row-actions">
          <button type="button" className="button quiet" onClick={() => ai.vault.lock()}>
            Lock keys now
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await ai.vault.useDeviceKey();
                return 'The passphrase is no longer needed.';
              })
            }
          >
            Stop using a passphrase
          </button>
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
