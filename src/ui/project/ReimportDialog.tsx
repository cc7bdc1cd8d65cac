import type { ReimportPlan } from '../../plan/reimport';
import { summarizeReimport } from '../../plan/reimport';
import { plural } from '../common/format';
import { Dialog } from '../common/Dialog';

interface Props {
  readonly fileName: string;
  readonly plan: ReimportPlan;
  readonly onApply: () => void;
  readonly onClose: () => void;
}

/** What a new draft will change, shown before anything changes. */
export function ReimportDialog({ fileName, plan, onApply, onClose }: Props) {
  const summary = summarizeReimport(plan);
  const lines = [
    summary.scenesAdded && `${plural(summary.scenesAdded, 'scene')} added`,
    summary.scenesRenamed && `${plural(summary.scenesRenamed, 'scene heading')} changed`,
    summary.scenesRemoved && `${plural(summary.scenesRemoved, 'scene')} cut from the script`,
    summary.shotsUpdated && `${plural(summary.shotsUpdated, 'shot')} with new text or timing`,
    summary.shotsAdded && `${plural(summary.shotsAdded, 'new shot')}`,
    summary.shotsRemoved && `${plural(summary.shotsRemoved, 'shot')} removed (sketches only)`,
    summary.shotsOmitted &&
      `${plural(summary.shotsOmitted, 'shot')} kept as OMITTED because their frames are drawn or generated`,
  ].filter((line): line is string => Boolean(line));
  const removed = plan.shotChanges.filter((c) => c.kind === 'removed' || c.kind === 'omitted');
  return (
    <Dialog title={`New draft: ${fileName}`} onClose={onClose}>
      {summary.unchanged ? (
        <p>This draft matches the boards already: nothing would change.</p>
      ) : (
        <>
          <ul className="change-summary">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {removed.length > 0 ? (
            <p className="muted">
              Affected shots: {removed.map((c) => ('number' in c ? c.number : '')).join(', ')}
            </p>
          ) : null}
          <p className="muted">
            Frames, framing, notes and shot numbers of matched shots stay as they are. You can undo
            this.
          </p>
        </>
      )}
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          className="button primary"
          type="button"
          disabled={summary.unchanged}
          onClick={onApply}
        >
          Apply changes
        </button>
      </div>
    </Dialog>
  );
}
