import type { ProjectId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { AppliedCommand } from '../../store/projectSession';
import { commentAdded, shotApproved, type WebhookPayload } from './events';

/** What of an open session the review events need (ProjectSession fits). */
export interface ReviewEventSource {
  readonly id: ProjectId;
  getState(): { readonly snapshot: ProjectSnapshot };
  onCommandApplied(listener: (applied: AppliedCommand) => void): () => void;
}

/**
 * Turns this person's own review actions into webhook payloads: a shot set to approved, a comment
 * posted. Peers' actions arrive as document updates, not commands, so each person's webhooks
 * speak for what they did. Returns the unsubscribe.
 */
export function sendReviewEvents(
  session: ReviewEventSource,
  notify: (payload: WebhookPayload) => void,
  now: () => number,
): () => void {
  return session.onCommandApplied((applied) => {
    const { snapshot } = session.getState();
    const project = { id: session.id, title: snapshot.meta.title };
    const numberOf = (id: string) => snapshot.shots.find((shot) => shot.id === id)?.number ?? '';
    if (applied.name === 'review/setApproval') {
      const { approval } = applied.input;
      if (approval.state !== 'approved') return;
      notify(
        shotApproved(
          project,
          {
            shotId: approval.shotId,
            shotNumber: numberOf(approval.shotId),
            by: approval.author.name,
          },
          now(),
        ),
      );
    } else if (applied.name === 'review/addComment') {
      const { comment } = applied.input;
      const shotId = comment.target.kind === 'shot' ? comment.target.id : null;
      notify(
        commentAdded(
          project,
          {
            shotId,
            shotNumber: shotId ? numberOf(shotId) : null,
            by: comment.author.name,
            text: comment.body,
          },
          now(),
        ),
      );
    }
  });
}
