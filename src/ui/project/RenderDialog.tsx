import { useEffect, useRef, useState } from 'react';
import type { SketchScheduler } from '../../ai/sketchScheduler';
import { animaticFileNameFor, prepareAnimaticRequest } from '../../export/animatic';
import { RenderCancelledError, startRender, type RenderHandle } from '../../render/renderClient';
import {
  defaultRenderOptions,
  OUTPUT_FORMAT_LABELS,
  type RenderOptions,
} from '../../render/renderOptions';
import type { RenderProgress, RenderResult, RenderStage } from '../../render/renderTypes';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { Dialog } from '../common/Dialog';
import { RenderOptionsForm } from './RenderOptionsForm';
import { SubtitleExport } from './SubtitleExport';

type Stage =
  | { readonly name: 'options' }
  | { readonly name: 'sketching' }
  | { readonly name: 'rendering'; readonly progress: RenderProgress | null }
  | {
      readonly name: 'done';
      readonly url: string;
      readonly fileName: string;
      readonly result: RenderResult;
      readonly format: RenderOptions['format'];
    }
  | { readonly name: 'failed'; readonly message: string }
  | { readonly name: 'cancelled' };

interface Props {
  readonly session: ProjectSession;
  readonly scheduler: SketchScheduler;
  readonly onClose: () => void;
}

const BYTES_PER_MEGABYTE = 1_048_576;

function formatEta(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `about ${seconds}s left` : `about ${Math.ceil(seconds / 60)} min left`;
}

const STAGE_TEXT: Partial<Record<RenderStage, string>> = {
  starting: 'Starting the encoder…',
  mixing: 'Mixing the sound…',
  audio: 'Encoding the sound…',
  finishing: 'Finishing the file…',
};

function progressText(progress: RenderProgress | null): string {
  if (progress === null) return 'Starting the encoder…';
  const stage = progress.stage === undefined ? undefined : STAGE_TEXT[progress.stage];
  if (stage !== undefined) return stage;
  return `Frame ${progress.framesDone} of ${progress.framesTotal} — ${formatEta(progress.etaMs)}`;
}

function describeResult(result: RenderResult, format: RenderOptions['format']): string {
  const codec =
    result.codecString.startsWith('avc') || result.codecString === 'libx264'
      ? 'H.264'
      : result.codecString.startsWith('vp09') || result.codecString === 'libvpx-vp9'
        ? 'VP9'
        : result.codecString.startsWith('av01')
          ? 'AV1'
          : result.codecString.toUpperCase();
  const sound =
    result.audioCodec === null ? '' : ` + ${result.audioCodec === 'aac' ? 'AAC' : 'Opus'}`;
  const inner = format === 'gif' ? '' : `, ${codec}${sound}`;
  return `${OUTPUT_FORMAT_LABELS[format]}${inner}`;
}

/**
 * Render options first ("Start render"), then the render in a worker with progress and cancel,
 * then the file. A failure says what happened; the project itself is never touched by a render.
 */
export function RenderDialog({ session, scheduler, onClose }: Props) {
  const { assets } = useServices();
  const [options, setOptions] = useState<RenderOptions>(() =>
    defaultRenderOptions(session.getState().snapshot.meta.frameRate),
  );
  const [stage, setStage] = useState<Stage>({ name: 'options' });
  const [attempt, setAttempt] = useState(0);
  const handle = useRef<RenderHandle | null>(null);

  useEffect(() => {
    if (attempt === 0) return;
    let live = true;
    let url: string | null = null;
    (async () => {
      setStage({ name: 'sketching' });
      await scheduler.idle();
      if (!live) return;
      setStage({ name: 'rendering', progress: null });
      const { snapshot } = session.getState();
      const request = await prepareAnimaticRequest(snapshot, assets, options);
      if (!live) return;
      handle.current = startRender(request, {
        onProgress: (progress) => live && setStage({ name: 'rendering', progress }),
      });
      const result = await handle.current.promise;
      url = URL.createObjectURL(new Blob([result.bytes], { type: result.mimeType }));
      if (live) {
        setStage({
          name: 'done',
          url,
          fileName: animaticFileNameFor(snapshot.meta.title, options),
          result,
          format: options.format,
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
    // Options are read when a render starts; changing them later must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assets, scheduler, session, attempt]);

  const cancel = () => handle.current?.cancel();
  const start = () => setAttempt((n) => n + 1);

  return (
    <Dialog title="Render animatic" onClose={onClose}>
      {stage.name === 'options' ? (
        <>
          <RenderOptionsForm
            options={options}
            onChange={setOptions}
            projectFrameRate={session.getState().snapshot.meta.frameRate}
          />
          <div className="dialog-actions">
            <SubtitleExport snapshot={() => session.getState().snapshot} />
            <button className="button" type="button" onClick={onClose}>
              Close
            </button>
            <button className="button primary" type="button" onClick={start}>
              Start render
            </button>
          </div>
        </>
      ) : null}
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
            {progressText(stage.progress)}
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
            Your animatic is ready: {(stage.result.durationMs / 1000).toFixed(2)} s,{' '}
            {(stage.result.bytes.byteLength / BYTES_PER_MEGABYTE).toFixed(1)} MB (
            {describeResult(stage.result, stage.format)}).
          </p>
          {stage.result.warnings.length > 0 ? (
            <ul className="render-warnings">
              {stage.result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
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
              onClick={() => setStage({ name: 'options' })}
            >
              Render again
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
