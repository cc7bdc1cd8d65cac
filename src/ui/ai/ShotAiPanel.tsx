import { useEffect, useState } from 'react';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { shotJobState } from './jobState';
import { PromptEditor } from './PromptEditor';
import { startGeneration } from './startGeneration';
import { TakesStrip } from './TakesStrip';
import { useAi, useAiSettings } from './useAi';
import { useFrameQueue } from './useFrameQueue';

const STATUS_TEXT = {
  queued: 'Waiting in the queue…',
  running: 'Generating…',
  paused: 'Paused in the queue.',
} as const;

/** In the shot inspector: generate a frame for this shot, its prompt, and its takes. */
export function ShotAiPanel({
  session,
  snapshot,
  shot,
}: {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly shot: Shot;
}) {
  const ai = useAi();
  const settings = useAiSettings();
  const { runner, view } = useFrameQueue(session);
  const [canImprove, setCanImprove] = useState(false);
  useEffect(() => {
    let live = true;
    void ai.canDo('text').then((yes) => live && setCanImprove(yes));
    return () => {
      live = false;
    };
  }, [ai, settings]);
  const state = shotJobState(view, shot.id);
  const busy = state.kind === 'queued' || state.kind === 'running';

  return (
    <section className="ai-panel" aria-label="AI frame">
      <div className="ai-panel-head">
        <button
          type="button"
          className="button primary"
          disabled={session.readOnly || busy}
          onClick={() => void startGeneration(ai, runner, `Shot ${shot.number}`, [shot.id])}
        >
          Generate frame
        </button>
        <span className="muted ai-status" role="status">
          {state.kind in STATUS_TEXT ? STATUS_TEXT[state.kind as keyof typeof STATUS_TEXT] : null}
          {state.kind === 'failed' ? <span className="bad">{state.error}</span> : null}
          {state.kind === 'fellBack' ? (
            <span title={state.note}>Every provider failed; the shot kept its sketch.</span>
          ) : null}
        </span>
      </div>
      <TakesStrip session={session} shot={shot} />
      <PromptEditor session={session} snapshot={snapshot} shot={shot} canImprove={canImprove} />
    </section>
  );
}
