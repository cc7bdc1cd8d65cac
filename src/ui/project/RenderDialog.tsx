import '../styles/render.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SketchScheduler } from '../../ai/sketchScheduler';
import {
  startAnimaticJob,
  type AnimaticJob,
  type AnimaticJobStage,
} from '../../workflows/animaticJob';
import { startRender } from '../../render/renderClient';
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
import { RenderRangeField } from './RenderRangeField';
import { clockDuration } from '../common/format';
import { SubtitleExport } from './SubtitleExport';
import { inertObjectUrl } from '../common/objectUrl';
import { renderFinished } from '../../workflows/webhooks/events';
import { pageWebhooks } from '../../workflows/webhooks/browserWebhooks';

type Stage = { readonly name: 'options' } | AnimaticJobStage;

interface Props {
  readonly session: ProjectSession;
  readonly scheduler: SketchScheduler;
  /** The boards selected in the grid, offered as "Selected boards". */
  readonly selectedShotIds: readonly string[];
  readonly onClose: () => void;
}

const BYTES_PER_MEGABYTE = 1_048_576;

function formatEta(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  // Rounded up: "0:00 left" while work remains would read as done.
  return `about ${clockDuration(Math.ceil(ms / 1000) * 1000)} left`;
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
 * A project from before the shot info became an overlay has it painted into its sketches; it
 * stays there (redrawing every sketch on upgrade would change the person's frames unasked) until
 * they choose to redraw the sketches without it.
 */
function BakedBandNote({ session }: { readonly session: ProjectSession }) {
  const [asked, setAsked] = useState(false);
  if (asked) return <p className="muted">Redrawing the sketches without the band…</p>;
  return (
    <p className="muted render-band-note">
      This project&apos;s sketches have the shot info painted in.{' '}
      <button
        type="button"
        className="button quiet"
        onClick={() => {
          session.run('project/update', { patch: { sketchCaptionBand: false } });
          setAsked(true);
        }}
      >
        Redraw sketches without it
      </button>
    </p>
  );
}

/**
 * Render options first ("Start render"), then the render in a worker with progress and cancel,
 * then the file. A failure says what happened; the project itself is never touched by a render.
 */
/** Tells the webhooks set up for finished renders (never waits for them). */
function announceRender(
  session: ProjectSession,
  done: Extract<AnimaticJobStage, { name: 'done' }>,
) {
  const { meta } = session.getState().snapshot;
  pageWebhooks().notify(
    renderFinished(
      { id: session.id, title: meta.title },
      {
        fileName: done.fileName,
        format: done.format,
        durationMs: done.result.durationMs,
        bytes: done.result.bytes.byteLength,
      },
      Date.now(),
    ),
  );
}

export function RenderDialog({ session, scheduler, selectedShotIds, onClose }: Props) {
  const { assets } = useServices();
  const [options, setOptions] = useState<RenderOptions>(() =>
    defaultRenderOptions(session.getState().snapshot.meta.frameRate),
  );
  const [stage, setStage] = useState<Stage>({ name: 'options' });
  const [attempt, setAttempt] = useState(0);
  const job = useRef<AnimaticJob | null>(null);

  useEffect(() => {
    if (attempt === 0) return;
    // A job replaced by the next attempt (or closed) must not report over it.
    let live = true;
    const started = startAnimaticJob(
      {
        snapshot: () => session.getState().snapshot,
        sketchesDone: () => scheduler.idle(),
        assets,
        render: startRender,
      },
      options,
      (next) => {
        if (!live) return;
        setStage(next);
        if (next.name === 'done') announceRender(session, next);
      },
    );
    job.current = started;
    return () => {
      live = false;
      started.cancel();
    };
    // Options are read when a render starts; changing them later must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assets, scheduler, session, attempt]);

  const done = stage.name === 'done' ? stage.result : null;
  const url = useMemo(
    () => done && inertObjectUrl(new Blob([done.bytes], { type: done.mimeType })),
    [done],
  );
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const cancel = () => job.current?.cancel();
  const start = () => setAttempt((n) => n + 1);

  return (
    <Dialog title="Render animatic" onClose={onClose}>
      {stage.name === 'options' ? (
        <>
          <RenderRangeField
            snapshot={session.getState().snapshot}
            range={options.range}
            onChange={(range) => setOptions({ ...options, range })}
            selectedShotIds={selectedShotIds}
          />
          <RenderOptionsForm
            options={options}
            onChange={setOptions}
            projectFrameRate={session.getState().snapshot.meta.frameRate}
          />
          {session.getState().snapshot.meta.sketchCaptionBand && !session.readOnly ? (
            <BakedBandNote session={session} />
          ) : null}
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
            Your animatic is ready: {clockDuration(stage.result.durationMs)},{' '}
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
            <a className="button primary" href={url ?? undefined} download={stage.fileName}>
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
