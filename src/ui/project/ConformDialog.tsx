import type { ConformSummary } from '../../export/timeline/conformPlan';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';
import { Dialog } from '../common/Dialog';
import { plural } from '../common/format';
import { formatDuration, ms } from '../../model/units';

interface Props {
  readonly session: ProjectSession;
  readonly fileName: string;
  readonly summary: ConformSummary;
  readonly onClose: () => void;
}

const CHANGE_LABELS: Record<ConformSummary['rows'][number]['change'], string> = {
  unchanged: '—',
  moved: 'Moved',
  retimed: 'New length',
  'moved and retimed': 'Moved, new length',
  duplicated: 'Duplicated',
  new: 'New shot',
};

function totals(summary: ConformSummary): string {
  const { moved, retimed, deleted, duplicated, added, transitions } = summary.counts;
  const parts = [
    moved ? `${plural(moved, 'shot')} moved` : '',
    retimed ? `${plural(retimed, 'shot')} retimed` : '',
    deleted ? `${plural(deleted, 'shot')} deleted` : '',
    duplicated ? `${plural(duplicated, 'duplicate')}` : '',
    added ? `${plural(added, 'new shot')}` : '',
    transitions ? `${plural(transitions, 'transition')} changed` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'The edit matches the boards: nothing to change.';
}

/**
 * What an editor's cut would do to the boards, before anything changes: the edit's clips in
 * order with what happens to each, the shots it drops, and one Apply that is one undo step.
 */
export function ConformDialog({ session, fileName, summary, onClose }: Props) {
  const apply = () => {
    const result = session.run('timeline/conform', { plan: summary.plan });
    if (result.ok) {
      showToast({
        kind: 'info',
        title: 'Edit applied',
        detail: `${totals(summary)} Undo brings the boards back.`,
      });
      onClose();
    }
  };
  return (
    <Dialog title="Conform edit" onClose={onClose}>
      <p className="muted">
        From <strong>{fileName}</strong>: {totals(summary)}
      </p>
      <div className="conform-table-wrap">
        <table className="conform-table">
          <thead>
            <tr>
              <th scope="col">Clip</th>
              <th scope="col">Change</th>
              <th scope="col">Length</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row, i) => (
              <tr
                key={`${row.label}-${i}`}
                className={row.change === 'unchanged' ? 'muted' : undefined}
              >
                <td>{row.label}</td>
                <td>
                  {row.change === 'unchanged' && row.transitionChanged
                    ? 'New transition'
                    : `${CHANGE_LABELS[row.change]}${row.transitionChanged ? ', new transition' : ''}`}
                </td>
                <td>
                  {row.beforeMs !== null && row.beforeMs !== row.afterMs
                    ? `${formatDuration(ms(row.beforeMs))} → ${formatDuration(ms(row.afterMs))}`
                    : formatDuration(ms(row.afterMs))}
                </td>
              </tr>
            ))}
            {summary.deleted.map((d) => (
              <tr key={`deleted-${d.shotId}`} className="conform-deleted">
                <td>{d.label}</td>
                <td>Deleted</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {session.readOnly ? (
        <p className="muted">This project is read-only here: {session.readOnlyReason}</p>
      ) : null}
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>
          Close
        </button>
        <button
          className="button primary"
          type="button"
          onClick={apply}
          disabled={summary.unchanged || session.readOnly}
        >
          Apply edit
        </button>
      </div>
    </Dialog>
  );
}
