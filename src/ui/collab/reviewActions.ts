import type { ApprovalState } from '../../model/approval';
import { mentionsIn, type CommentId, type CommentTarget, type ThreadId } from '../../model/comment';
import type { ShotId } from '../../model/ids';
import type { Participant } from '../../model/participant';
import type { ProjectSession } from '../../store';
import type { DeviceKey } from '../../store/deviceKey';
import { signApproval, signComment } from '../../sync/signatures';

/** Who is signing: the local participant and their device key. */
export interface Signer {
  readonly me: Participant;
  readonly key: DeviceKey;
}

/** Posts a signed comment: a new thread, or a reply when `threadId` is given. */
export async function postComment(
  session: ProjectSession,
  signer: Signer,
  target: CommentTarget,
  body: string,
  known: readonly Participant[],
  threadId?: ThreadId,
): Promise<ThreadId> {
  const id = crypto.randomUUID() as CommentId;
  const comment = await signComment(signer.key, {
    id,
    threadId: threadId ?? id,
    target,
    body: body.trim(),
    mentions: mentionsIn(body, known),
    author: signer.me,
    createdAt: Date.now(),
  });
  const posted = session.run('review/addComment', { comment });
  if (!posted.ok) throw posted.error;
  return comment.threadId;
}

export function resolveThread(
  session: ProjectSession,
  me: Participant,
  threadId: ThreadId,
  resolved: boolean,
): void {
  session.run('review/resolveThread', {
    threadId,
    resolution: { resolved, by: me.name, at: Date.now() },
  });
}

export async function setApprovalState(
  session: ProjectSession,
  signer: Signer,
  shotId: ShotId,
  state: ApprovalState,
): Promise<void> {
  const approval = await signApproval(signer.key, {
    shotId,
    state,
    author: signer.me,
    setAt: Date.now(),
  });
  const set = session.run('review/setApproval', { approval });
  if (!set.ok) throw set.error;
}
