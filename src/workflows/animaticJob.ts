import type { ProjectSnapshot } from '../model/project';
import type { RenderHandle, StartRenderOptions } from '../render/renderClient';
import { RenderCancelledError } from '../render/renderClient';
import type { RenderOptions } from '../render/renderOptions';
import { rangeFileSuffix } from '../render/renderRange';
import type { RenderProgress, RenderRequest, RenderResult } from '../render/renderTypes';
import type { AssetStore } from '../store/assets';
import { animaticFileNameFor, prepareAnimaticRequest } from '../export/animatic';

/** Where a render job is; the dialog shows exactly this. */
export type AnimaticJobStage =
  | { readonly name: 'sketching' }
  | { readonly name: 'rendering'; readonly progress: RenderProgress | null }
  | {
      readonly name: 'done';
      readonly result: RenderResult;
      readonly fileName: string;
      readonly format: RenderOptions['format'];
    }
  | { readonly name: 'failed'; readonly message: string }
  | { readonly name: 'cancelled' };

export interface AnimaticJobDeps {
  /** The project as it is when the render starts (read after the sketches are done). */
  readonly snapshot: () => ProjectSnapshot;
  /** Resolves when every shot that needs an offline sketch has one. */
  readonly sketchesDone: () => Promise<void>;
  readonly assets: AssetStore;
  /** Starts the encode (render/renderClient.ts `startRender`; tests pass a fake). */
  readonly render: (request: RenderRequest, options: StartRenderOptions) => RenderHandle;
}

export interface AnimaticJob {
  /** Settles with the last stage: done, failed or cancelled. Never rejects. */
  readonly finished: Promise<AnimaticJobStage>;
  /** Stops the job at whatever stage it is; `finished` settles with `cancelled`. */
  cancel(): void;
}

/**
 * Renders the animatic: waits for the last sketches, gathers the frames and sound, encodes in a
 * worker with progress, and names the file. The project is only read, never changed; a failure
 * or a cancel is a stage with words, not an exception.
 */
export function startAnimaticJob(
  deps: AnimaticJobDeps,
  options: RenderOptions,
  onStage: (stage: AnimaticJobStage) => void,
): AnimaticJob {
  let cancelled = false;
  let handle: RenderHandle | null = null;
  // Cancelling while waiting for sketches or gathering frames stops the wait at once.
  let stopWaiting: () => void = () => undefined;
  const cancelledWhileWaiting = new Promise<never>((_, reject) => {
    stopWaiting = () => reject(new RenderCancelledError());
  });
  cancelledWhileWaiting.catch(() => undefined);
  const unlessCancelled = <T>(work: Promise<T>): Promise<T> =>
    Promise.race([work, cancelledWhileWaiting]);
  const report = (stage: AnimaticJobStage): AnimaticJobStage => {
    onStage(stage);
    return stage;
  };

  const run = async (): Promise<AnimaticJobStage> => {
    report({ name: 'sketching' });
    await unlessCancelled(deps.sketchesDone());
    report({ name: 'rendering', progress: null });
    const snapshot = deps.snapshot();
    const request = await unlessCancelled(prepareAnimaticRequest(snapshot, deps.assets, options));
    handle = deps.render(request, {
      onProgress: (progress) => !cancelled && onStage({ name: 'rendering', progress }),
    });
    const result = await handle.promise;
    return report({
      name: 'done',
      result,
      fileName: animaticFileNameFor(
        snapshot.meta.title,
        options,
        rangeFileSuffix(snapshot, options.range),
      ),
      format: options.format,
    });
  };

  const finished = run().catch((error: unknown) => {
    if (cancelled || error instanceof RenderCancelledError) return report({ name: 'cancelled' });
    return report({
      name: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  });

  return {
    finished,
    cancel() {
      cancelled = true;
      stopWaiting();
      handle?.cancel();
    },
  };
}
