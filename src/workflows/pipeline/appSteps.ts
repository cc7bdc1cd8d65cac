import type { AiService } from '../../ai/aiService';
import type { RouteCapability } from '../../ai/providers/types';
import type { RouterProvider } from '../../ai/router/router';
import type { SketchFn } from '../../ai/sketchScheduler';
import { SketchScheduler } from '../../ai/sketchScheduler';
import type { ProjectId } from '../../model/ids';
import { startRender } from '../../render/renderClient';
import type { AssetStore } from '../../store/assets';
import type { ProjectRepository } from '../../store/projects';
import { ProjectSession } from '../../store/projectSession';
import type {
  ExportKind,
  MadeFile,
  ProjectHandle,
  ProjectStepDeps,
  VideoJobKeeper,
} from './steps/projectStep';
import type { DeliverableRequest } from '../deliverables';
import type { TimelineRateId } from '../../export/timeline/rates';
import { AUTO, OFFLINE, type ProviderChoice } from './types';

/**
 * The real dependencies of the project steps (steps/projectStep.ts), put together once from the
 * app's services: the router and price table of the AI service, the render worker, the export
 * writers (loaded on first use) and sessions on projects, the tab's own when it is the one open.
 */

export interface AppStepHost {
  readonly ai: AiService;
  readonly repo: ProjectRepository;
  readonly assets: AssetStore;
  readonly sketch: SketchFn;
  /** Image-to-video jobs kept across reloads (the inspector's own store). */
  readonly videoJobs: VideoJobKeeper;
  /** Length of a recording in ms (the page's audio decoder). */
  readonly measureAudio: (bytes: Uint8Array) => Promise<number>;
  /** The project open in this tab and its sketch scheduler, if any. */
  readonly active: () => {
    readonly session: ProjectSession;
    readonly sketches: SketchScheduler;
  } | null;
}

const ROUTES: Record<string, RouteCapability> = {
  text: 'text',
  image: 'image',
  speech: 'speech',
  removeBackground: 'image',
};

async function chainFor(ai: AiService, task: string, choice: ProviderChoice) {
  if (choice === OFFLINE) return [];
  const providers: RouterProvider[] =
    task === 'imageToVideo' ? await ai.videoProviders() : await ai.chain(ROUTES[task] ?? 'image');
  const real = providers.filter((p) => p.adapter.kind !== 'sketch');
  return choice === AUTO ? real : real.filter((p) => p.id === choice);
}

/** A sessions opened for a step, with its own sketch scheduler; flushed and closed after. */
async function withOwnSession<T>(
  host: AppStepHost,
  projectId: string,
  work: (project: ProjectHandle) => Promise<T>,
): Promise<T> {
  const session = await ProjectSession.open(host.repo, projectId as ProjectId);
  const sketches = new SketchScheduler(session, host.assets, host.sketch);
  try {
    return await work({ session, sketchesDone: () => sketches.idle() });
  } finally {
    sketches.stop();
    await session.flush();
    await session.close();
  }
}

const TIMELINE: Partial<Record<ExportKind, 'otio' | 'fcp7' | 'fcpxml' | 'edl'>> = {
  otio: 'otio',
  fcp7: 'fcp7',
  fcpxml: 'fcpxml',
  edl: 'edl',
};

async function exportOf(
  host: AppStepHost,
  kind: ExportKind,
  { session }: ProjectHandle,
  signal: AbortSignal,
): Promise<MadeFile> {
  await session.flush();
  const { makeDeliverable } = await import('../deliverables');
  const snapshot = session.getState().snapshot;
  const timeline = TIMELINE[kind];
  const rate: TimelineRateId =
    snapshot.meta.frameRate === 25 ? '25' : snapshot.meta.frameRate === 30 ? '30' : '24';
  const request: DeliverableRequest = timeline
    ? { kind: 'timeline', format: timeline, rate }
    : { kind: kind as 'shotListCsv' | 'contactSheet' | 'reviewPage' };
  const file = await makeDeliverable(
    request,
    {
      projectId: session.id,
      snapshot,
      approvals: session.review.approvals,
      comments: session.review.comments,
      assets: host.assets,
    },
    { signal },
  );
  return { blob: file.blob, fileName: file.fileName };
}

/** A picture at least `longSide` px on its long side, resampled smoothly; null if it is already. */
async function upscale(picture: Blob, longSide: number): Promise<Uint8Array | null> {
  const bitmap = await createImageBitmap(picture);
  try {
    const long = Math.max(bitmap.width, bitmap.height);
    if (long >= longSide) return null;
    const scale = longSide / long;
    const canvas = new OffscreenCanvas(
      Math.round(bitmap.width * scale),
      Math.round(bitmap.height * scale),
    );
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the bigger picture.');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
}

export function appProjectStepDeps(host: AppStepHost): ProjectStepDeps {
  return {
    withProject: async (projectId, work) => {
      const active = host.active();
      if (active?.session.id === projectId)
        return work({ session: active.session, sketchesDone: () => active.sketches.idle() });
      return withOwnSession(host, projectId, work);
    },
    peek: (projectId) => {
      const active = host.active();
      return active?.session.id === projectId ? active.session.getState().snapshot : null;
    },
    router: host.ai.router,
    assets: host.assets,
    canUse: async (task, choice) => (await chainFor(host.ai, task, choice)).length > 0,
    videoProvider: async (choice) => (await chainFor(host.ai, 'imageToVideo', choice))[0] ?? null,
    measureAudio: host.measureAudio,
    videoJobs: host.videoJobs,
    render: startRender,
    upscale,
    exportFile: (kind, project, signal) => exportOf(host, kind, project, signal),
  };
}
