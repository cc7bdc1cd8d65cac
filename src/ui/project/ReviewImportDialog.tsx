import type { ReviewImportPlan } from '../../export/review/reviewImport';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';
import { Dialog } from '../common/Dialog';
import { plural } from '../common/format';

interface Props {
  readonly session: ProjectSession;
  readonly fileName: string;
  readonly plan: ReviewImportPlan;
  readonly onClose: () => void;
}

/**
 * What a client's review file would add, before anything is written: how many notes on which
 * shots, verdicts as words, notes on shots the project no longer has (left out), and one Import
 * that is one undo step. The notes arrive unsigned and marked as coming from a review page.
 */
export function ReviewImportDialog({ session, fileName, plan, onClose }: Props) {
  const numbers = new Map<string, string>(
    session.getState().snapshot.shots.map((s) => [s.id, s.number]),
  );
  const count = plan.comments.length;
  const apply = () => {
    const result = session.run('review/importNotes', { comments: plan.comments });
    if (result.ok) {
      showToast({
        kind: 'info',
        title: `${plural(count, 'review note')} imported`,
        detail: 'They show as “From review page, not signed”. Undo takes them out again.',
      });
      onClose();
    }
  };
  const verdicts = [
    plan.approved ? `${plural(plan.approved, 'shot')} approved` : '',
    plan.changesRequested ? `changes requested on ${plural(plan.changesRequested, 'shot')}` : '',
  ].filter(Boolean);
  return (
    <Dialog title="Import review" onClose={onClose}>
      <p className="muted">
        From <strong>{fileName}</strong>, by <strong>{plan.reviewer}</strong> (a name they typed;
        review pages are not signed), saved {new Date(plan.savedAt).toLocaleString()}.
      </p>
      <p>
        {count > 0 ? `${plural(count, 'note')} to add as comments` : 'Nothing new to add'}
        {verdicts.length ? ` — ${verdicts.join(', ')}` : ''}. Their verdicts arrive as notes; the
        shots’ approval states stay as your team set them.
      </p>
      {count > 0 ? (
        <ul className="review-import-list">
          {plan.comments.map((c) => (
            <li key={c.id}>
              <strong>{numbers.get(c.target.id) ?? '?'}</strong>: {c.body.split('\n')[0]}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.alreadyImported > 0 ? (
        <p className="muted">
          {plural(plan.alreadyImported, 'note')} from this file{' '}
          {plan.alreadyImported === 1 ? 'is' : 'are'} already in the project.
        </p>
      ) : null}
      {plan.unknownShots.length > 0 ? (
        <p role="alert">
          {plural(plan.unknownShots.length, 'shot')} reviewed in the file{' '}
          {plan.unknownShots.length === 1 ? 'is' : 'are'} not in this project any more: those notes
          are left out.
        </p>
      ) : null}
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
          disabled={count === 0 || session.readOnly}
        >
          Import notes
        </button>
      </div>
    </Dialog>
  );
}
