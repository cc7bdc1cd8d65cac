import { defaultRenderOptions, type Quality } from '../../../render/renderOptions';
import type { ResolutionClass } from '../../../render/resolution';
import type { AssetHash } from '../../../model/ids';
import { startAnimaticJob } from '../../animaticJob';
import { afterOf, openFor, step, StepStopped, type ProjectStepSetup } from './projectStep';

export interface RenderStepOptions {
  readonly format: 'mp4' | 'webm';
  readonly resolution: ResolutionClass;
  readonly quality: Quality;
}

export const DEFAULT_RENDER_STEP: RenderStepOptions = {
  format: 'mp4',
  resolution: 720,
  quality: 'medium',
};

/** The animatic a render step made: stored as an asset (its bytes checked like any video). */
export interface RenderedVideo {
  readonly kind: 'video';
  readonly assetHash: AssetHash;
  readonly fileName: string;
  readonly mimeType: string;
  readonly durationMs: number;
  readonly bytes: number;
  readonly warnings: readonly string[];
}

export function isRenderedVideo(value: unknown): value is RenderedVideo {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'video' &&
    typeof (value as { assetHash?: unknown }).assetHash === 'string'
  );
}

/**
 * Renders the animatic on this device (the render worker, as the Render dialog does): waits for
 * the last sketches, so it finishes offline too. The video is kept in the asset store; the result
 * names it for playing and downloading.
 */
export function renderStep<P>(setup: ProjectStepSetup<P>, options: RenderStepOptions) {
  const { deps } = setup;
  return step<P>({
    id: setup.id ?? 'render',
    label: 'Render',
    after: afterOf(setup),
    version: 1,
    capability: 'none',
    reads: () => options,
    plan: () => [],
    run: (input, ctx) =>
      openFor(setup, input, async ({ session, sketchesDone }): Promise<RenderedVideo> => {
        const frameRate = session.getState().snapshot.meta.frameRate;
        const job = startAnimaticJob(
          {
            snapshot: () => session.getState().snapshot,
            sketchesDone,
            assets: deps.assets,
            render: deps.render,
          },
          { ...defaultRenderOptions(frameRate), ...options },
          (stage) => {
            if (stage.name === 'sketching')
              ctx.onProgress({ done: 0, total: 1, note: 'Finishing the sketches' });
            if (stage.name === 'rendering' && stage.progress)
              ctx.onProgress({
                done: stage.progress.framesDone,
                total: stage.progress.framesTotal,
                note: 'Rendering',
              });
          },
        );
        const stop = () => job.cancel();
        ctx.signal.addEventListener('abort', stop);
        try {
          const end = await job.finished;
          if (end.name === 'cancelled') throw new StepStopped();
          if (end.name === 'failed') throw new Error(end.message);
          if (end.name !== 'done') throw new Error('The render ended without a video.');
          const { result } = end;
          const assetHash = await deps.assets.put(new Uint8Array(result.bytes), result.mimeType);
          return {
            kind: 'video',
            assetHash,
            fileName: end.fileName,
            mimeType: result.mimeType,
            durationMs: result.durationMs,
            bytes: result.bytes.byteLength,
            warnings: result.warnings,
          };
        } finally {
          ctx.signal.removeEventListener('abort', stop);
        }
      }),
  });
}
