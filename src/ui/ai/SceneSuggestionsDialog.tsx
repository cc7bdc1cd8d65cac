import { useEffect, useRef, useState } from 'react';
import type { CallEstimate } from '../../ai/aiService';
import type { ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { ProjectSession } from '../../store';
import { StructuredOutputError } from '../../workflows/pipeline/structured';
import {
  applySuggestion,
  reviewScene,
  type ReviewOutcome,
} from '../../workflows/suggestions/applySuggestion';
import {
  changedSince,
  freshness,
  reviewedShots,
  reviewRequest,
  reviewUsage,
  type Freshness,
  type SuggestionItem,
} from '../../workflows/suggestions/sceneReview';
import { showToast } from '../app/toastStore';
import { Dialog } from '../common/Dialog';
import { plural } from '../common/format';
import { formatUsd } from './labels';
import { useAi } from './useAi';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly scene: Scene;
  readonly onClose: () => void;
}

type Asked =
  | { readonly kind: 'ready' }
  | { readonly kind: 'asking'; readonly stop: AbortController }
  | { readonly kind: 'failed'; readonly said: string; readonly raw: string | null }
  | { readonly kind: 'done'; readonly outcome: ReviewOutcome };

type ItemState = 'pending' | 'applied' | 'skipped';

const KIND_WORDS = {
  change: 'Change',
  insert: 'New shot',
  omit: 'Leave out',
  unknownShot: 'Unknown shot',
} as const;

function heading(item: SuggestionItem): string {
  if (item.kind === 'insert') return `After shot ${item.afterNumber}`;
  return `Shot ${item.shotNumber}`;
}

/**
 * "Suggest changes…" on a scene: the price first, then the text model's review as a diff, each
 * item applied (one undo step) or skipped on its own, or all fresh ones at once. Items whose
 * shot was changed since the review say so and apply only when asked again.
 */
export function SceneSuggestionsDialog({ session, snapshot, scene, onClose }: Props) {
  const ai = useAi();
  const [asked, setAsked] = useState<Asked>({ kind: 'ready' });
  const [estimate, setEstimate] = useState<CallEstimate | null | undefined>(undefined);
  const [states, setStates] = useState<ReadonlyMap<string, ItemState>>(new Map());
  /** Items applied here, last one last: the last can be undone from the dialog. */
  const [appliedOrder, setAppliedOrder] = useState<readonly string[]>([]);
  /** Shot states this review's own applied items made (they do not make siblings stale). */
  const [madeHere, setMadeHere] = useState<ReadonlySet<string>>(new Set());
  /** Shots this review inserted (a second new shot after the same one goes after the first). */
  const [inserted, setInserted] = useState<ReadonlySet<string>>(new Set());
  const shotCount = reviewedShots(snapshot, scene.id).length;

  useEffect(() => {
    let live = true;
    void ai
      .estimateText(reviewUsage(reviewRequest(snapshot, scene)))
      .then((e) => live && setEstimate(e));
    return () => {
      live = false;
    };
    // The estimate is for the scene as the dialog opened; edits meanwhile barely move it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ai, scene.id]);

  // Closing the dialog while the model writes stops the call.
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const ask = async () => {
    const stop = new AbortController();
    running.current = stop;
    setAsked({ kind: 'asking', stop });
    setStates(new Map());
    setAppliedOrder([]);
    setMadeHere(new Set());
    setInserted(new Set());
    try {
      const outcome = await reviewScene(ai.router, session, scene, { signal: stop.signal });
      if (!stop.signal.aborted) setAsked({ kind: 'done', outcome });
    } catch (error) {
      if (stop.signal.aborted) return;
      setAsked({
        kind: 'failed',
        said: error instanceof Error ? error.message : String(error),
        raw: error instanceof StructuredOutputError ? error.raw : null,
      });
    }
  };

  const setState = (id: string, state: ItemState) => setStates((m) => new Map(m).set(id, state));

  /** Applies `list` in order; `anyway` for items the person applies knowing their shot changed. */
  const apply = (list: readonly SuggestionItem[], anyway: boolean): number => {
    const made = new Set(madeHere);
    const added = new Set(inserted);
    const applied: string[] = [];
    for (const item of list) {
      const result = applySuggestion(session, item, { anyway, madeHere: made, inserted: added });
      if (!result.ok) {
        showToast({ kind: 'error', title: 'Suggestion not applied', detail: result.why });
        continue;
      }
      if (result.madeHere) made.add(result.madeHere);
      if (result.inserted) added.add(result.inserted);
      applied.push(item.id);
    }
    setMadeHere(made);
    setInserted(added);
    setStates((m) => {
      const next = new Map(m);
      applied.forEach((id) => next.set(id, 'applied'));
      return next;
    });
    setAppliedOrder((order) => [...order, ...applied]);
    return applied.length;
  };

  const undoLast = () => {
    const last = appliedOrder.at(-1);
    if (!last) return;
    session.undo();
    setState(last, 'pending');
    setAppliedOrder((order) => order.slice(0, -1));
  };

  const fresh = (item: SuggestionItem) => freshness(item, snapshot, madeHere);
  const items = asked.kind === 'done' ? asked.outcome.items : [];
  const pending = items.filter(
    (i) => (states.get(i.id) ?? 'pending') === 'pending' && fresh(i) === 'fresh',
  );

  return (
    <Dialog title={`Suggestions for scene ${scene.number}`} onClose={onClose}>
      <div className="ai-suggest">
        <p className="ai-suggest-scene">
          <strong>{scene.heading || 'Untitled scene'}</strong> · {plural(shotCount, 'shot')}
        </p>
        {asked.kind === 'ready' || asked.kind === 'failed' ? (
          <>
            <p className="muted">
              The text model reads the scene’s shots (type, camera, duration, action, dialogue) and
              proposes changes to coverage, camera and pacing. Nothing changes until you apply a
              suggestion; each one undoes on its own.
            </p>
            {estimate ? (
              <p className="ai-suggest-estimate">
                One call to {estimate.providerLabel} · {estimate.model}, about{' '}
                {formatUsd(estimate.costUsd)}.
              </p>
            ) : null}
            {asked.kind === 'failed' ? (
              <div role="alert" className="ai-suggest-error">
                <p className="bad">{asked.said}</p>
                {asked.raw !== null ? (
                  <details className="ai-raw" open>
                    <summary>What the model wrote</summary>
                    <pre>{asked.raw}</pre>
                  </details>
                ) : null}
              </div>
            ) : null}
          </>
        ) : null}
        {asked.kind === 'asking' ? (
          <p role="status" className="muted">
            Asking {estimate?.providerLabel ?? 'the text model'} to review{' '}
            {plural(shotCount, 'shot')}…
          </p>
        ) : null}
        {asked.kind === 'done' ? (
          <>
            {asked.outcome.review.summary ? (
              <p className="ai-suggest-summary">{asked.outcome.review.summary}</p>
            ) : null}
            <p className="muted">
              {items.length === 0
                ? 'No changes suggested: the plan reads well as it is.'
                : `${plural(items.length, 'suggestion')} from ${asked.outcome.providerLabel}, about ${formatUsd(asked.outcome.costUsd)}.`}
            </p>
            <ul className="ai-suggest-list" aria-label="Suggestions">
              {items.map((item) => (
                <SuggestionRow
                  key={item.id}
                  item={item}
                  state={states.get(item.id) ?? 'pending'}
                  freshness={fresh(item)}
                  now={changedSince(item, snapshot)}
                  canUndo={appliedOrder.at(-1) === item.id}
                  readOnly={session.readOnly}
                  onApply={(anyway) => apply([item], anyway)}
                  onSkip={() => setState(item.id, 'skipped')}
                  onUndo={undoLast}
                />
              ))}
            </ul>
          </>
        ) : null}
        <div className="dialog-actions">
          {asked.kind === 'done' ? (
            <button
              type="button"
              className="button primary"
              disabled={pending.length === 0 || session.readOnly}
              onClick={() => {
                const done = apply(pending, false);
                if (done > 0)
                  showToast({
                    kind: 'info',
                    title: `Applied ${plural(done, 'suggestion')}`,
                    detail: 'Each one is its own undo step.',
                  });
              }}
            >
              Apply all{pending.length > 0 ? ` (${pending.length})` : ''}
            </button>
          ) : asked.kind === 'asking' ? (
            <button type="button" className="button" onClick={() => asked.stop.abort()}>
              Stop
            </button>
          ) : (
            <button
              type="button"
              className="button primary"
              disabled={shotCount === 0 || !estimate}
              onClick={() => void ask()}
            >
              {asked.kind === 'failed' ? 'Ask again' : 'Ask for suggestions'}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function SuggestionRow({
  item,
  state,
  freshness: fresh,
  now,
  canUndo,
  readOnly,
  onApply,
  onSkip,
  onUndo,
}: {
  readonly item: SuggestionItem;
  readonly state: ItemState;
  readonly freshness: Freshness;
  /** Fields the shot holds something else in now than at the review (field → now, in words). */
  readonly now: ReadonlyMap<string, string>;
  readonly canUndo: boolean;
  readonly readOnly: boolean;
  readonly onApply: (anyway: boolean) => void;
  readonly onSkip: () => void;
  readonly onUndo: () => void;
}) {
  const label = `${KIND_WORDS[item.kind]}: ${heading(item)}`;
  return (
    <li className={`ai-suggestion ai-suggestion-${item.kind} is-${state}`} aria-label={label}>
      <div className="ai-suggestion-head">
        <span className="ai-suggestion-kind">{KIND_WORDS[item.kind]}</span>
        <strong>{heading(item)}</strong>
        {state === 'pending' && fresh === 'changed' ? (
          <span className="ai-suggestion-stale">Changed since the review</span>
        ) : null}
        {state === 'pending' && fresh === 'gone' && item.kind !== 'unknownShot' ? (
          <span className="ai-suggestion-stale">Shot no longer in the scene</span>
        ) : null}
      </div>
      {item.kind === 'change' || item.kind === 'insert' ? (
        <dl className="ai-suggestion-diff">
          {item.fields.map((f) => (
            <div key={f.field}>
              <dt>{f.label}</dt>
              <dd>
                {f.from ? (
                  <>
                    <del>{f.from}</del> <span aria-hidden="true">→</span>{' '}
                  </>
                ) : null}
                <ins>{f.to}</ins>
                {state === 'pending' && now.has(f.field) ? (
                  <span className="ai-suggestion-now"> (now {now.get(f.field)})</span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {item.kind === 'omit' ? (
        <p className="ai-suggestion-diff">
          Mark it OMITTED: it stays on the board, out of the animatic.
        </p>
      ) : null}
      {item.kind === 'unknownShot' ? (
        <p className="ai-suggestion-diff">
          Suggests {item.what} for shot {item.shotNumber}, which this scene does not have.
        </p>
      ) : null}
      <p className="ai-suggestion-reason">{item.reason}</p>
      <div className="ai-suggestion-actions">
        {state === 'pending' && fresh !== 'gone' ? (
          <>
            <button
              type="button"
              className="button"
              disabled={readOnly}
              title={
                fresh === 'changed'
                  ? 'The shot was edited after the review: check it before applying.'
                  : undefined
              }
              onClick={() => onApply(fresh === 'changed')}
            >
              {fresh === 'changed' ? 'Apply anyway' : 'Apply'}
            </button>
            <button type="button" className="button quiet" onClick={onSkip}>
              Skip
            </button>
          </>
        ) : null}
        {state === 'applied' ? (
          <>
            <span className="ai-suggestion-done">Applied</span>
            {canUndo ? (
              <button type="button" className="button quiet" onClick={onUndo}>
                Undo
              </button>
            ) : null}
          </>
        ) : null}
        {state === 'skipped' ? <span className="ai-suggestion-done muted">Skipped</span> : null}
      </div>
    </li>
  );
}
