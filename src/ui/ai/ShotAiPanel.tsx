import { lazy, Suspense, useEffect, useState } from 'react';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { FrameCheckPanel } from './FrameCheckPanel';
import { shotJobState } from './jobState';
import { PromptEditor } from './PromptEditor';
import { openSettings } from './settingsDialogStore';
import { startGeneration } from './startGeneration';
import { TakesStrip } from './TakesStrip';
import { useAi, useAiSettings } from './useAi';
import { useFrameQueue } from './useFrameQueue';

/** Image to video is used by few: its code loads when an inspector first shows it. */
const AnimateShot = lazy(() => import('./AnimateShot'));

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
  // null until known: the button must not offer set-up to someone who has a provider.
  const [canGenerate, setCanGenerate] = useState<boolean | null>(null);
  const [offer, setOffer] = useState(false);
  useEffect(() => {
    let live = true;
    void ai.canDo('text').then((yes) => live && setCanImprove(yes));
    void ai.canDo('image').then((yes) => live && setCanGenerate(yes));
    return () => {
      live = false;
    };
  }, [ai, settings]);
  const state = shotJobState(view, shot.id);
  const busy = state.kind === 'queued' || state.kind === 'running';

  return (
    <section className="ai-panel" aria-labelledby={`ai-title-${shot.id}`}>
      <h3 className="ai-panel-title" id={`ai-title-${shot.id}`}>
        AI generation
      </h3>
      <div className="ai-panel-head">
        <button
          type="button"
          className="button"
          disabled={session.readOnly || busy}
          aria-expanded={canGenerate === false ? offer : undefined}
          onClick={() => {
            if (canGenerate === false) setOffer((open) => !open);
            else void startGeneration(ai, runner, `Shot ${shot.number}`, [shot.id]);
          }}
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
      {canGenerate === false && offer ? (
        <NoProviderOffer session={session} shot={shot} onDone={() => setOffer(false)} />
      ) : null}
      <TakesStrip session={session} shot={shot} />
      <FrameCheckPanel session={session} snapshot={snapshot} shot={shot} />
      <Suspense fallback={null}>
        <AnimateShot session={session} shot={shot} />
      </Suspense>
      <PromptEditor session={session} snapshot={snapshot} shot={shot} canImprove={canImprove} />
    </section>
  );
}

/**
 * No image provider is set up: instead of failing, the button offers the two ways on — set one
 * up (the AI settings open on their providers), or keep drawing offline with the sketch.
 */
function NoProviderOffer({
  session,
  shot,
  onDone,
}: {
  readonly session: ProjectSession;
  readonly shot: Shot;
  readonly onDone: () => void;
}) {
  const sketched = shot.frameSource === 'sketch' || shot.frameSource === null;
  return (
    <div className="ai-offer" role="group" aria-label="No AI provider">
      <p>
        No image provider is set up. Add one (your own key, or a model running on this computer), or
        use the offline sketch, which needs neither.
      </p>
      <div className="ai-offer-actions">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            onDone();
            openSettings('providers');
          }}
        >
          Set up a provider
        </button>
        <button
          type="button"
          className="button"
          disabled={sketched}
          title={sketched ? 'This shot already shows its offline sketch.' : undefined}
          onClick={() => {
            onDone();
            session.run('frame/returnToSketch', { shotId: shot.id });
          }}
        >
          {sketched ? 'Showing the offline sketch' : 'Sketch offline'}
        </button>
      </div>
    </div>
  );
}
