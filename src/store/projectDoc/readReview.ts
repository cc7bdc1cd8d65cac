import type * as Y from 'yjs';
import { approvalSchema, type Approval } from '../../model/approval';
import {
  commentSchema,
  threadResolutionSchema,
  type Comment,
  type ThreadResolution,
} from '../../model/comment';
import type { ShotId } from '../../model/ids';
import { rootsOf } from './layout';
import { readInCurrentShape } from './migrate';

/** The review as plain data. Like readProject it never throws: bad records are reported. */
export interface ReviewSnapshot {
  readonly comments: readonly Comment[];
  readonly resolutions: ReadonlyMap<string, ThreadResolution>;
  readonly approvals: ReadonlyMap<ShotId, Approval>;
  readonly problems: readonly string[];
}

export const EMPTY_REVIEW: ReviewSnapshot = {
  comments: [],
  resolutions: new Map(),
  approvals: new Map(),
  problems: [],
};

/** Older documents are read as they will be once migrated, like readProject. */
export function readReview(doc: Y.Doc): ReviewSnapshot {
  return readInCurrentShape(doc, readCurrentShape);
}

function readCurrentShape(doc: Y.Doc): ReviewSnapshot {
  const roots = rootsOf(doc);
  const problems: string[] = [];
  const comments: Comment[] = [];
  for (const [id, raw] of roots.comments.entries()) {
    const parsed = commentSchema.safeParse(raw);
    if (parsed.success && parsed.data.id === id) comments.push(parsed.data);
    else problems.push(`comment ${id}: ${parsed.error?.issues[0]?.message ?? 'id mismatch'}`);
  }
  const resolutions = new Map<string, ThreadResolution>();
  for (const [id, raw] of roots.threads.entries()) {
    const parsed = threadResolutionSchema.safeParse(raw);
    if (parsed.success) resolutions.set(id, parsed.data);
    else problems.push(`thread ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const approvals = new Map<ShotId, Approval>();
  for (const [id, raw] of roots.approvals.entries()) {
    const parsed = approvalSchema.safeParse(raw);
    if (parsed.success && parsed.data.shotId === id) {
      approvals.set(parsed.data.shotId, parsed.data);
    } else {
      problems.push(`approval ${id}: ${parsed.error?.issues[0]?.message ?? 'id mismatch'}`);
    }
  }
  return { comments, resolutions, approvals, problems };
}
