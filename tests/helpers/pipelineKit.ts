import { readFileSync } from 'node:fs';
import type { ProviderAdapter, RouteCapability, VideoJobs } from '../../src/ai/providers/types';
import { NO_USAGE } from '../../src/ai/providers/types';
import { AiRouter, type RouterProvider } from '../../src/ai/router/router';
import { sampleProject } from '../../src/ai/testKit';
import type { ProjectSnapshot } from '../../src/model/project';
import type { RenderHandle } from '../../src/render/renderClient';
import type { RenderRequest, RenderResult } from '../../src/render/renderTypes';
import { createAssetStore, type AssetStore } from '../../src/store/assets';
import { openDb, type FramelineDb } from '../../src/store/db';
import { ProjectRepository } from '../../src/store/projects';
import { ProjectSession } from '../../src/store/projectSession';
import type { KeptVideoJob, ProjectStepDeps } from '../../src/workflows/pipeline/steps/projectStep';
import { pngBytes, wavBytes } from './mediaBytes';

/**
 * A project on a fresh database with a router over in-process fake providers that count every
 * call (image, speech, image to video), and a render that answers with a real MP4 at once:
 * enough to run the project steps of a pipeline in Node and prove none is paid twice.
 */

export const CLIP = new Uint8Array(
  readFileSync(new URL('../fixtures/media/rgb-clip.mp4', import.meta.url)),
);

export interface Calls {
  image: number;
  speech: number;
  video: number;
  renders: number;
}

export interface PipelineKit {
  readonly db: FramelineDb;
  readonly repo: ProjectRepository;
  readonly assets: AssetStore;
  readonly session: ProjectSession;
  readonly calls: Calls;
  /** Providers the fake router has, by route; change it to take one away. */
  readonly routes: Record<RouteCapability | 'video', boolean>;
  /** Called before each image call: throw to fail it, abort a controller to stop a run. */
  onImage: (n: number) => void;
  /** Called on each video submission (1, 2…) before it answers: a promise holds it back. */
  onVideoSubmit: (n: number) => Promise<void> | undefined;
  /** Called on each poll of a video job (by its id). */
  onVideoStatus: (jobId: string) => void;
  /** Video jobs kept for a resume, by project/shot. */
  readonly keptJobs: Map<string, KeptVideoJob>;
  readonly deps: ProjectStepDeps;
  /** Projects opened by `withProject` that were not the open one (closed after each step). */
  readonly opened: string[];
  close(): Promise<void>;
}

function provider(id: string, adapter: ProviderAdapter): RouterProvider {
  return { id, label: id, adapter, timeoutMs: 10_000, maxConcurrent: 2, keyRequired: false };
}

const RESULT_BASE: Omit<RenderResult, 'bytes' | 'durationMs'> = {
  mimeType: 'video/mp4',
  codecString: 'avc1.640028',
  audioCodec: null,
  sampleCount: 1,
  engine: 'webcodecs',
  warnings: [],
};

let n = 0;

export async function openPipelineKit(
  snapshot: ProjectSnapshot = sampleProject(),
): Promise<PipelineKit> {
  const db = openDb(`pipeline-kit-${++n}-${crypto.randomUUID()}`);
  const repo = new ProjectRepository(db);
  const assets = createAssetStore(db);
  const session = await ProjectSession.open(repo, await repo.create(snapshot));
  const calls: Calls = { image: 0, speech: 0, video: 0, renders: 0 };
  const routes = { image: true, text: false, speech: true, video: true };
  const opened: string[] = [];

  const jobs: VideoJobs = {
    secondsFor: (wanted) => Math.min(8, Math.max(4, Math.round(wanted))),
    typicalMs: 10,
    submit: async () => {
      const n = ++calls.video;
      await kit.onVideoSubmit(n);
      return { id: `job${n}`, data: {} };
    },
    status: async (job) => {
      kit.onVideoStatus(job.id);
      return { state: 'done' };
    },
    result: async () => ({
      bytes: CLIP,
      mimeType: 'video/mp4',
      usage: { ...NO_USAGE, videoSeconds: 4 },
    }),
    cancel: null,
  };
  const adapter: ProviderAdapter = {
    kind: 'openaiCompatible',
    capabilities: new Set(['image', 'speech', 'imageToVideo']),
    modelFor: () => 'fake',
    image: async (_, ctx) => {
      calls.image++;
      kit.onImage(calls.image);
      if (ctx.signal.aborted) throw ctx.signal.reason;
      return {
        bytes: pngBytes(calls.image + 100),
        mimeType: 'image/png',
        usage: { ...NO_USAGE, images: 1 },
      };
    },
    speech: async () => {
      calls.speech++;
      return { bytes: wavBytes(calls.speech), mimeType: 'audio/wav', usage: NO_USAGE };
    },
    video: jobs,
    testConnection: async () => 'ok',
  };
  const fake = provider('fake', adapter);
  const router = new AiRouter({
    chain: async (capability) => (routes[capability] ? [fake] : []),
    keyFor: async () => null,
    log: async () => undefined,
    costOf: (_, __, usage) => usage.images * 0.04 + (usage.videoSeconds ?? 0) * 0.1,
    backoff: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
  });

  const render = (request: RenderRequest): RenderHandle => {
    calls.renders++;
    return {
      promise: Promise.resolve({
        ...RESULT_BASE,
        bytes: CLIP.slice().buffer,
        durationMs: (request.plan.totalFrames * 1000) / request.plan.frameRate,
      }),
      cancel: () => undefined,
    };
  };

  const deps: ProjectStepDeps = {
    withProject: async (projectId, work) => {
      if (projectId === session.id) return work({ session, sketchesDone: async () => undefined });
      opened.push(projectId);
      const other = await ProjectSession.open(repo, projectId as ProjectSession['id']);
      try {
        return await work({ session: other, sketchesDone: async () => undefined });
      } finally {
        await other.close();
      }
    },
    peek: (projectId) => (projectId === session.id ? session.getState().snapshot : null),
    router,
    assets,
    canUse: async (task) =>
      task === 'imageToVideo' ? routes.video : routes[task as RouteCapability],
    videoProvider: async () => (routes.video ? fake : null),
    measureAudio: async () => 1200,
    videoJobs: {
      kept: (projectId, shotId) => kit.keptJobs.get(`${projectId}/${shotId}`) ?? null,
      keep: (job) => void kit.keptJobs.set(`${job.projectId}/${job.shotId}`, job),
      drop: (projectId, shotId) => void kit.keptJobs.delete(`${projectId}/${shotId}`),
    },
    render,
    upscale: async (picture, longSide) => (picture.size > 1000 ? null : pngBytes(longSide, 2000)),
    exportFile: async (kind, project) => ({
      blob: new Blob([`${kind} of ${project.session.getState().snapshot.meta.title}`], {
        type: 'text/plain',
      }),
      fileName: `export.${kind}`,
    }),
  };

  const kit: PipelineKit = {
    db,
    repo,
    assets,
    session,
    calls,
    routes,
    onImage: () => undefined,
    onVideoSubmit: () => undefined,
    onVideoStatus: () => undefined,
    keptJobs: new Map(),
    deps,
    opened,
    async close() {
      await session.close();
      db.close();
      await db.delete();
    },
  };
  return kit;
}
