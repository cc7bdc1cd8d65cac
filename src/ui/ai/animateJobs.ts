import { animateShot } from '../../ai/frames/animateShot';
import type { VideoJobKeeper } from '../../workflows/pipeline/steps/projectStep';
import type { AiService } from '../../ai/aiService';
import { asProviderError } from '../../ai/providers/errors';
import type { RouterProvider } from '../../ai/router/router';
import type { VideoProgress } from '../../ai/router/videoJob';
import type { ShotId } from '../../model/ids';
import type { VideoJobRef } from '../../ai/providers/types';
import type { ProjectSession } from '../../store';
import { formatUsd } from './labels';

/**
 * The "Animate shot" jobs running in this tab, by shot, so a job keeps going (and its progress
 * stays visible) when the inspector moves to another shot and back. The work is animateShot's;
 * this only holds what the UI shows and the way to cancel.
 */
export type AnimateJobView =
  | {
      readonly kind: 'running';
      readonly providerLabel: string;
      readonly progress: VideoProgress | null;
      readonly canCancelAtProvider: boolean;
      readonly stop: AbortController;
    }
  | { readonly kind: 'done'; readonly said: string }
  | { readonly kind: 'failed'; readonly said: string };

/**
 * Jobs a provider has taken are kept in localStorage until they end, so a reload does not lose
 * a clip that is being made (and paid for): the inspector resumes polling it (`keptJobFor`).
 */
const KEPT_KEY = 'frameline.animateJobs';

export interface KeptJob {
  readonly projectId: string;
  readonly shotId: string;
  readonly providerId: string;
  readonly job: VideoJobRef;
  readonly prompt: string;
}

function keptJobs(): KeptJob[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEPT_KEY) ?? '[]');
    return Array.isArray(value) ? (value as KeptJob[]) : [];
  } catch {
    return [];
  }
}

function writeKept(list: readonly KeptJob[]): void {
  try {
    localStorage.setItem(KEPT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or blocked: the job still runs, it just cannot survive a reload.
  }
}

const dropKept = (projectId: string, shotId: string) =>
  writeKept(keptJobs().filter((k) => !(k.projectId === projectId && k.shotId === shotId)));

export function keptJobFor(projectId: string, shotId: string): KeptJob | null {
  return keptJobs().find((k) => k.projectId === projectId && k.shotId === shotId) ?? null;
}

/**
 * Shots whose kept job a pipeline of this tab holds: the inspector leaves those to the pipeline
 * (polling one job from two places would add its clip twice). After a reload nobody holds them,
 * and whichever comes first, the inspector or the resumed run, picks the job up.
 */
const heldByPipeline = new Set<string>();
const held = (projectId: string, shotId: string) => `${projectId}/${shotId}`;

export function heldByAPipeline(projectId: string, shotId: string): boolean {
  return heldByPipeline.has(held(projectId, shotId));
}

/** The same kept jobs for pipeline steps (a run's clips survive a reload like the inspector's). */
export const videoJobKeeper: VideoJobKeeper = {
  kept: keptJobFor,
  keep: (job) => {
    heldByPipeline.add(held(job.projectId, job.shotId));
    writeKept([
      ...keptJobs().filter((k) => !(k.projectId === job.projectId && k.shotId === job.shotId)),
      job,
    ]);
  },
  drop: (projectId, shotId) => {
    heldByPipeline.delete(held(projectId, shotId));
    dropKept(projectId, shotId);
  },
};

const jobs = new Map<ShotId, AnimateJobView>();
const listeners = new Set<() => void>();

function set(shotId: ShotId, view: AnimateJobView | null): void {
  if (view) jobs.set(shotId, view);
  else jobs.delete(shotId);
  for (const listener of listeners) listener();
}

export const animateJobs = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get(shotId: ShotId): AnimateJobView | null {
    return jobs.get(shotId) ?? null;
  },
  forget(shotId: ShotId): void {
    if (jobs.get(shotId)?.kind !== 'running') set(shotId, null);
  },
  cancel(shotId: ShotId): void {
    const job = jobs.get(shotId);
    if (job?.kind === 'running') job.stop.abort();
  },
  async start(
    ai: AiService,
    session: ProjectSession,
    shotId: ShotId,
    provider: RouterProvider,
    resume: KeptJob | null = null,
  ): Promise<void> {
    if (jobs.get(shotId)?.kind === 'running') return;
    const stop = new AbortController();
    const base = {
      kind: 'running' as const,
      providerLabel: provider.label,
      canCancelAtProvider: Boolean(provider.adapter.video?.cancel),
      stop,
    };
    set(shotId, { ...base, progress: null });
    try {
      const outcome = await animateShot({ session, router: ai.router, assets: ai.assets }, shotId, {
        provider,
        signal: stop.signal,
        onProgress: (progress) => set(shotId, { ...base, progress }),
        onSubmitted: (job, prompt) =>
          writeKept([
            ...keptJobs(),
            { projectId: session.id, shotId, providerId: provider.id, job, prompt },
          ]),
        ...(resume ? { resume: { job: resume.job, prompt: resume.prompt } } : {}),
      });
      const seconds = (outcome.take.clipMs ?? 0) / 1000;
      set(shotId, {
        kind: 'done',
        said: `Clip ready from ${outcome.providerLabel}: ${seconds} s, about ${formatUsd(outcome.costUsd)}.`,
      });
      dropKept(session.id, shotId);
    } catch (error) {
      dropKept(session.id, shotId);
      const failure = asProviderError(error);
      set(shotId, {
        kind: 'failed',
        said:
          failure.kind === 'cancelled'
            ? base.canCancelAtProvider
              ? 'Cancelled; the provider was told to stop.'
              : `Cancelled here; ${provider.label} cannot be told to stop and may still bill the clip.`
            : failure.message,
      });
    }
  },
};
