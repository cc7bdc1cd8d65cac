import { APPROVAL_LABELS, APPROVAL_STATES, type ApprovalState } from '../../model/approval';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { relativeTime } from '../common/format';
import { showError } from '../app/toastStore';
import { useCollab } from './CollabContext';
import { setApprovalState } from './reviewActions';
import { useReview } from './useReview';
import { VerifiedBadge } from './VerifiedBadge';

/** The shot's approval state, who set it and when, signed; changing it signs a new record. */
export function ApprovalControl({ session, shot }: { session: ProjectSession; shot: Shot }) {
  const collab = useCollab();
  const review = useReview(session);
  const approval = review.approvals.get(shot.id) ?? null;
  const current: ApprovalState = approval?.state ?? 'draft';
  const me = collab?.me ?? null;
  const deviceKey = collab?.deviceKey ?? null;
  const disabled = !me || !deviceKey || session.readOnly;
  const choose = (state: ApprovalState) => {
    if (!me || !deviceKey || state === current) return;
    setApprovalState(session, { me, key: deviceKey }, shot.id, state).catch((error: unknown) =>
      showError('The approval was not saved', error),
    );
  };
  return (
    <fieldset className="approval" disabled={disabled}>
      <legend>Approval</legend>
      <div className="approval-states">
        {APPROVAL_STATES.map((state) => (
          <label
            key={state}
            className={`approval-state ${state}${state === current ? ' current' : ''}`}
          >
            <input
              type="radio"
              name={`approval-${shot.id}`}
              value={state}
              checked={state === current}
              onChange={() => choose(state)}
            />
            {APPROVAL_LABELS[state]}
          </label>
        ))}
      </div>
      {approval ? (
        <p className="muted small approval-by">
          {APPROVAL_LABELS[approval.state]} by {approval.author.name} {relativeTime(approval.setAt)}{' '}
          <VerifiedBadge record={approval} />
        </p>
      ) : null}
    </fieldset>
  );
}
