import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CallEstimate } from '../../ai/aiService';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { frameCheckPrompt, frameCheckUsage } from '../../workflows/suggestions/frameCheck';
import { frameChecks } from './frameChecks';
import { formatUsd } from './labels';
import { openSettings } from './settingsDialogStore';
import { useAi, useAiSettings } from './useAi';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly shot: Shot;
}

interface Estimates {
  readonly check: CallEstimate | null;
  readonly image: CallEstimate | null;
}

/** How long typing in the shot pauses before the check's price is worked out again. */
const estimatePauseMs = 250;

const about = (e: CallEstimate | null) =>
  e ? `${e.providerLabel} · ${e.model}, about ${formatUsd(e.costUsd)}` : '';

/**
 * "Check frame" for a generated frame: a text model that reads pictures scores it against the
 * shot and its cast's bible (price first), says what does not match, and offers a new take with
 * those notes in the prompt.
 */
export function FrameCheckPanel({ session, snapshot, shot }: Props) {
  const ai = useAi();
  const settings = useAiSettings();
  const view = useSyncExternalStore(frameChecks.subscribe, () => frameChecks.get(shot.id));
  const [estimates, setEstimates] = useState<Estimates | null>(null);
  const prompt = frameCheckPrompt(snapshot, shot);

  const checkable = shot.frameSource === 'ai' && shot.frameHash !== null;

  // Prices read the AI settings from IndexedDB: only for a frame that can be checked, and not on
  // every keystroke in the shot's fields (the prompt changes with them) but once typing pauses.
  useEffect(() => {
    if (!checkable) return;
    let live = true;
    const timer = setTimeout(() => {
      void Promise.all([ai.estimateText(frameCheckUsage(prompt), true), ai.estimateImage()]).then(
        ([check, image]) => live && setEstimates({ check, image }),
      );
    }, estimatePauseMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ai, settings, prompt, checkable]);

  if (!checkable || estimates === null) return null;
  if (estimates.check === null)
    return (
      <div className="ai-check" role="group" aria-label="Check frame">
        <p className="muted">
          To check a generated frame against its shot, add a text model that reads pictures: OpenAI,
          Anthropic or Google Gemini.
        </p>
        <button type="button" className="button" onClick={() => openSettings('providers')}>
          Set up a model that reads pictures
        </button>
      </div>
    );

  const checked = view && 'check' in view ? view.check : null;
  const current = checked?.frameHash === shot.frameHash;
  const busy = view?.kind === 'checking' || view?.kind === 'regenerating';
  return (
    <div className="ai-check" role="group" aria-label="Check frame">
      <div className="ai-check-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void frameChecks.check(ai, session, shot.id)}
        >
          {checked && current ? 'Check again' : 'Check frame'}
        </button>
        <span className="muted ai-check-estimate">{about(estimates.check)}</span>
      </div>
      {view?.kind === 'checking' ? (
        <p className="muted" role="status">
          Checking the frame against shot {shot.number}…
        </p>
      ) : null}
      {view?.kind === 'failed' ? (
        <div role="status">
          <p className="bad">{view.said}</p>
          {view.raw !== null ? (
            <details className="ai-raw">
              <summary>What the model wrote</summary>
              <pre>{view.raw}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
      {checked ? (
        <div className="ai-check-result" aria-label="Frame check">
          <p>
            <strong className={`ai-score ai-score-${checked.score.score}`}>
              {checked.score.score}/5
            </strong>{' '}
            {current
              ? `by ${checked.providerLabel}`
              : `for an earlier frame (by ${checked.providerLabel})`}
          </p>
          {checked.score.mismatches.length > 0 ? (
            <>
              <h4>Does not match</h4>
              <ul className="ai-mismatches">
                {checked.score.mismatches.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">Nothing that does not match.</p>
          )}
          {checked.score.notes ? <p className="ai-check-notes">{checked.score.notes}</p> : null}
          <div className="ai-check-row">
            <button
              type="button"
              className="button"
              disabled={busy || session.readOnly || estimates.image === null}
              title={estimates.image === null ? 'No image provider is set up.' : undefined}
              onClick={() => void frameChecks.regenerate(ai, session, checked)}
            >
              Regenerate with these notes
            </button>
            <span className="muted">{about(estimates.image)}</span>
          </div>
          {view?.kind === 'regenerating' ? (
            <p className="muted" role="status">
              Generating a new take…
            </p>
          ) : null}
          {view?.kind === 'regenerated' ? <p role="status">{view.said}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
