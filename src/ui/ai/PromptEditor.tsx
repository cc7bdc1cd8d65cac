import { useState } from 'react';
import { buildShotPrompt } from '../../ai/frames/promptBuilder';
import { improvePrompt } from '../../ai/frames/improvePrompt';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { showError } from '../app/toastStore';
import { useAi } from './useAi';

/**
 * The shot's prompt, visible and editable. Until edited it follows the shot (the built prompt);
 * once edited it is the user's and stays as written until they go back to automatic.
 */
export function PromptEditor({
  session,
  snapshot,
  shot,
  canImprove,
}: {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly shot: Shot;
  readonly canImprove: boolean;
}) {
  const ai = useAi();
  const built = buildShotPrompt(snapshot, shot);
  const own = shot.prompt.trim() !== '';
  const [draft, setDraft] = useState<string | null>(null);
  const [improving, setImproving] = useState(false);
  const disabled = session.readOnly;
  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    // Writing the built prompt back unchanged keeps the shot automatic.
    session.run('shot/update', {
      shotId: shot.id,
      patch: { prompt: text === built.trim() ? '' : text },
    });
    setDraft(null);
  };

  const improve = async () => {
    setImproving(true);
    try {
      const better = await improvePrompt(ai.router, draft ?? (own ? shot.prompt : built));
      session.run('shot/update', { shotId: shot.id, patch: { prompt: better } });
      setDraft(null);
    } catch (error) {
      showError('Could not improve the prompt', error);
    } finally {
      setImproving(false);
    }
  };

  return (
    <div className="ai-prompt">
      <label className="field">
        <span>Prompt {own ? '(yours)' : '(automatic)'}</span>
        <textarea
          rows={5}
          value={draft ?? (own ? shot.prompt : built)}
          disabled={disabled}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
        />
      </label>
      <div className="ai-row-actions">
        {canImprove ? (
          <button
            type="button"
            className="button quiet"
            disabled={disabled || improving}
            onClick={() => void improve()}
          >
            {improving ? 'Improving…' : 'Improve prompt'}
          </button>
        ) : null}
        {own ? (
          <button
            type="button"
            className="button quiet"
            disabled={disabled}
            onClick={() => {
              setDraft(null);
              session.run('shot/update', { shotId: shot.id, patch: { prompt: '' } });
            }}
          >
            Back to automatic
          </button>
        ) : null}
      </div>
    </div>
  );
}
