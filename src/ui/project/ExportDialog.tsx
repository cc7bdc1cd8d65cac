import { useEffect, useRef, useState } from 'react';
import type { SequenceFormat } from '../../export/deliver/imageSequence';
import { TIMELINE_RATE_IDS, type TimelineRateId } from '../../export/timeline/rates';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { Dialog } from '../common/Dialog';
import { downloadBlob } from '../common/download';
import { plural } from '../common/format';
import {
  choiceTitle,
  SEQUENCE_FORMAT_LABELS,
  TIMELINE_HINTS,
  type DeliverableChoice,
} from './exportMenuItems';

interface Props {
  readonly session: ProjectSession;
  readonly choice: DeliverableChoice;
  readonly onClose: () => void;
}

/** The project's own rate is the natural first choice; 29.97 and 23.976 are the NTSC ones. */
function defaultRate(frameRate: number): TimelineRateId {
  return frameRate === 25 ? '25' : frameRate === 30 ? '30' : '24';
}

type Stage =
  | { readonly name: 'options' }
  | { readonly name: 'running'; readonly done: number; readonly total: number };

/**
 * Options (a timeline's frame rate, a sequence's format), then the export with progress and
 * Cancel, then the download. Exports without options start as soon as the dialog opens.
 */
export function ExportDialog({ session, choice, onClose }: Props) {
  const { assets } = useServices();
  const needsOptions = choice.kind === 'timeline' || choice.kind === 'sequence';
  const [rate, setRate] = useState<TimelineRateId>(() =>
    defaultRate(session.getState().snapshot.meta.frameRate),
  );
  const [format, setFormat] = useState<SequenceFormat>('png');
  const [stage, setStage] = useState<Stage>(
    needsOptions ? { name: 'options' } : { name: 'running', done: 0, total: 0 },
  );
  const controller = useRef<AbortController | null>(null);

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setStage({ name: 'running', done: 0, total: 0 });
    try {
      await session.flush();
      // The writers, zip and spreadsheet code load on first use (the initial JS budget).
      const { makeDeliverable } = await import('../../workflows/deliverables');
      const request =
        choice.kind === 'timeline'
          ? { kind: 'timeline' as const, format: choice.format, rate }
          : choice.kind === 'sequence'
            ? { kind: 'sequence' as const, format }
            : choice;
      const file = await makeDeliverable(
        request,
        {
          projectId: session.id,
          snapshot: session.getState().snapshot,
          approvals: session.review.approvals,
          comments: session.review.comments,
          assets,
        },
        {
          signal: abort.signal,
          onProgress: (done, total) => setStage({ name: 'running', done, total }),
        },
      );
      if (abort.signal.aborted) return;
      downloadBlob(file.blob, file.fileName);
      if (file.missing > 0) {
        showToast({
          kind: 'info',
          title: `${plural(file.missing, 'shot')} without a frame in this browser`,
          detail:
            'The export points at them by name; add their frames and export again to include them.',
        });
      }
      onClose();
    } catch (error) {
      if (abort.signal.aborted) return;
      showError(`Could not ${choiceTitle(choice).toLowerCase()}`, error);
      onClose();
    }
  };

  const started = useRef(false);
  useEffect(() => {
    if (needsOptions || started.current) return;
    started.current = true;
    void start();
    // Started once, when a choice without options opens the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const cancel = () => {
    controller.current?.abort();
    onClose();
  };

  return (
    <Dialog title={choiceTitle(choice)} onClose={stage.name === 'running' ? cancel : onClose}>
      {stage.name === 'options' ? (
        <>
          {choice.kind === 'timeline' ? (
            <>
              <p className="muted">
                {TIMELINE_HINTS[choice.format]} The frames and sounds come in the same zip.
              </p>
              <label className="field">
                <span>Frame rate</span>
                <select value={rate} onChange={(e) => setRate(e.target.value as TimelineRateId)}>
                  {TIMELINE_RATE_IDS.map((id) => (
                    <option key={id} value={id}>
                      {id} fps{id === '29.97' ? ' (drop frame)' : ''}
                    </option>
                  ))}
                </select>
              </label>
            </>
          ) : (
            <label className="field">
              <span>Image format</span>
              <select value={format} onChange={(e) => setFormat(e.target.value as SequenceFormat)}>
                {(Object.keys(SEQUENCE_FORMAT_LABELS) as SequenceFormat[]).map((f) => (
                  <option key={f} value={f}>
                    {SEQUENCE_FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="dialog-actions">
            <button className="button" type="button" onClick={onClose}>
              Close
            </button>
            <button className="button primary" type="button" onClick={() => void start()}>
              Export
            </button>
          </div>
        </>
      ) : (
        <>
          <progress
            className="progress"
            aria-label="Export progress"
            max={Math.max(1, stage.total)}
            value={stage.done}
          />
          <p role="status" className="muted">
            {stage.total > 0
              ? `Reading frames and sounds: ${stage.done} of ${stage.total}`
              : 'Preparing…'}
          </p>
          <div className="dialog-actions">
            <button className="button" type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
