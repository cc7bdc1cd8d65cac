import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { wantedSeconds } from '../../ai/frames/animateShot';
import type { RouterProvider } from '../../ai/router/router';
import type { VideoProgress } from '../../ai/router/videoJob';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { animateJobs, heldByAPipeline, keptJobFor } from './animateJobs';
import { formatUsd } from './labels';
import { openSettings } from './settingsDialogStore';
import { useAi, useAiSettings } from './useAi';
import { secondsText } from '../common/format';

interface Props {
  readonly session: ProjectSession;
  readonly shot: Shot;
}

function progressText(progress: VideoProgress | null, label: string): string {
  if (progress === null || progress.stage === 'submitting') return `Sending the still to ${label}…`;
  if (progress.stage === 'queued')
    return progress.position === null
      ? `Waiting in ${label}’s queue…`
      : `Waiting in ${label}’s queue (position ${progress.position})…`;
  if (progress.stage === 'downloading') return 'Fetching the clip…';
  return `Animating… ${Math.round(progress.fraction * 100)}%`;
}

/**
 * "Animate shot" in the inspector: pick one of the image-to-video providers, see what the clip
 * will cost and how long it will be before running, then progress and Cancel while the job
 * runs (it keeps running if the inspector moves on: animateJobs). Loaded on first use.
 */
export default function AnimateShot({ session, shot }: Props) {
  const ai = useAi();
  const settings = useAiSettings();
  const [providers, setProviders] = useState<readonly RouterProvider[] | null>(null);
  const [chosen, setChosen] = useState('');
  const job = useSyncExternalStore(animateJobs.subscribe, () => animateJobs.get(shot.id));
  const cancelRef = useRef<HTMLButtonElement>(null);
  const running = job?.kind === 'running';

  useEffect(() => {
    let live = true;
    void ai.videoProviders().then((list) => {
      if (!live) return;
      setProviders(list);
      setChosen((id) => (list.some((p) => p.id === id) ? id : (list[0]?.id ?? '')));
    });
    return () => {
      live = false;
    };
  }, [ai, settings]);

  useEffect(() => {
    if (running) cancelRef.current?.focus();
  }, [running]);

  // A job the provider took before a reload is polled again, not sent again.
  useEffect(() => {
    if (providers === null || animateJobs.get(shot.id)?.kind === 'running') return;
    if (heldByAPipeline(session.id, shot.id)) return;
    const kept = keptJobFor(session.id, shot.id);
    const provider = kept && providers.find((p) => p.id === kept.providerId);
    if (kept && provider) void animateJobs.start(ai, session, shot.id, provider, kept);
  }, [ai, session, shot.id, providers]);

  if (providers === null) return null;
  const provider = providers.find((p) => p.id === chosen) ?? null;
  if (!provider)
    return (
      <div className="ai-animate" role="group" aria-label="Animate shot">
        <p className="muted">
          To animate this shot into a clip, add a provider that makes video from a picture: Google
          Gemini (Veo) or fal.ai.
        </p>
        <button type="button" className="button" onClick={() => openSettings('providers')}>
          Set up a video provider
        </button>
      </div>
    );

  const seconds = provider.adapter.video?.secondsFor(wantedSeconds(shot)) ?? 0;
  const cost = ai.estimateVideoCostUsd(provider, wantedSeconds(shot));
  const noFrame = shot.frameHash === null;
  return (
    <div className="ai-animate" role="group" aria-label="Animate shot">
      <div className="ai-animate-row">
        <label className="field">
          <span>Animate with</span>
          <select
            value={provider.id}
            disabled={running}
            onChange={(e) => setChosen(e.target.value)}
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} · {p.adapter.modelFor('imageToVideo')}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button
            ref={cancelRef}
            type="button"
            className="button"
            onClick={() => animateJobs.cancel(shot.id)}
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={session.readOnly || noFrame}
            title={noFrame ? 'The shot needs a frame to animate.' : undefined}
            onClick={() => void animateJobs.start(ai, session, shot.id, provider)}
          >
            Animate shot
          </button>
        )}
      </div>
      <p className="muted ai-animate-estimate">
        A {seconds} s clip from the frame, about {formatUsd(cost)}. It plays instead of the still
        (trimmed to the shot’s {secondsText(shot.durationMs)} s, its last frame held if shorter);
        the still stays the frame, and Use still brings it back.
        {provider.adapter.video?.cancel
          ? null
          : ' Once started it cannot be cancelled at the provider.'}
      </p>
      {job ? (
        <div className="ai-animate-status" role="status">
          {job.kind === 'running' ? (
            <>
              <progress max={1} value={job.progress?.fraction ?? 0} aria-label="Animating" />
              <span>{progressText(job.progress, job.providerLabel)}</span>
            </>
          ) : (
            <span className={job.kind === 'failed' ? 'bad' : undefined}>{job.said}</span>
          )}
        </div>
      ) : null}
    </div>
  );
}
