import { useEffect, useRef, useState } from 'react';
import type { SketchScheduler } from '../../ai/sketchScheduler';
import { prepareAnimaticJob } from '../../export/animatic';
import { animaticFileName } from '../../export/fileNames';
import { RenderCancelledError, startRender, type RenderHandle } from '../../render/renderClient';
import type { RenderProgress } from '../../render/renderTypes';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { Dialog } from '../common/Dialog';

type Stage =
  | { readonly name: 'sketching' }
  | { readonly name: 'rendering'; readonly progress: RenderProgress | null }
  | {
      readonly name: 'done';
      readonly url: string;
      readonly fileName: string;
      readonly sizeBytes: number;
      readonly durationMs: number;
    }
  | { readonly name: 'failed'; readonly message: string }
  | { readonly name: 'cancelled' };

interface Props {
  readonly session: ProjectSession;
  readonly scheduler: SketchScheduler;
  readonly onClose: () => void;
}

function formatEta(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `about ${seconds}s left` : `about ${Math.ceil(seconds / 60)} min left`;
}

/**
 * Renders the animatic as soon as it opens: waits for pending sketches, renders in a worker with
 * progress and cancel, then offers the file. A failure says what happened; the project itself
 * is never touched by a render.
 */
export function RenderDialog({ session, scheduler, onClose }: Props) {
  const { assets } = useServices();
  const [stage, setStage] = useState<Stage>({ name: 'sketching' });
  const handle = useRef<RenderHandle | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    (async () => {
      setStage({ name: 'sketching' });
      await scheduler.idle();
      if (!live) return;
      setStage({ name: 'rendering', progress: null });
      const { snapshot } = session.getState();
      const job = await prepareAnimaticJob(snapshot, assets);
      if (!live) return;
      handle.current = startRender(job, {
        onProgress: (progress) => live && setStage({ name: 'rendering', progress }),
      });
      const result = await handle.current.promise;
      url = URL.createObjectURL(new Blob([result.bytes], { type: result.mimeType }));
      if (live) {
        setStage({
          name: 'done',
          url,
          fileName: animaticFileName(snapshot.meta.title),
          sizeBytes: result.bytes.byteLength,
          durationMs: result.durationMs,
        });
      }
    })().catch((error: unknown) => {
      if (!live) return;
      if (error instanceof RenderCancelledError) setStage({ name: 'cancelled' });
      else
        setStage({
          name: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
    });
    return () => {
      live = false;
      handle.current?.cancel();
      if (url) URL.revokeObjectURL(url);
    };
  }, [assets, scheduler, session, attempt]);

  const cancel = () => handle.current?.cancel();

  return (
    <Dialog title="Render animatic" onClose={onClose}>
      {stage.name === 'sketching' ? <p role="status">Finishing the last sketches…</p> : null}
      {stage.name === 'rendering' ? (
        <>
          <progress
            className="progress"
            aria-label="Render progress"
            max={stage.progress?.framesTotal ?? 1}
            value={stage.progress?.framesDone ?? 0}
          />
          <p role="status" className="muted">
            {stage.progress
              ? `Frame ${stage.progress.framesDone} of ${stage.progress.framesTotal} — ${formatEta(stage.progress.etaMs)}`
              : 'Starting the encoder…'}
          </p>
          <div className="dialog-actions">
            <button className="button" type="button" onClick={cancel}>
              Cancel render
            </button>
          </div>
        </>
      ) : null}
      {stage.name === 'done' ? (
        <>
          <p role="status">
            Your animatic is ready: {(stage.durationMs / 1000).toFixed(2)} s,{' '}
            {(stage.sizeBytes / 1_048_576).toFixed(1)} MB (MP4, H.264).
          </p>
          <div className="dialog-actions">
            <button className="button" type="button" onClick={onClose}>
              Close
            </button>
            <a className="button primary" href={stage.url} download={stage.fileName}>
              Download animatic
            </a>
          </div>
        </>
      ) : null}
      {stage.name === 'failed' || stage.name === 'cancelled' ? (
        <>
          <p role={stage.name === 'failed' ? 'alert' : 'status'}>
            {stage.name === 'failed'
              ? `The render failed: ${stage.message} Your project is unchanged.`
              : 'Render cancelled. Your project is unchanged.'}
          </p>
          <div className="dialog-actions">
            <button className="button" type="button" onClick={onClose}>
              Close
            </button>
            <button
              className="button primary"
              type="button"
              onClick={() => setAttempt((n) => n + 1)}
            >
              Render again
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
