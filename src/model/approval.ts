import { z } from 'zod';
import { shotIdSchema } from './ids';
import { migrationSequence } from './migrations';
import { participantSchema } from './participant';
import type { Stored } from './stored';

/** Where a shot stands in review. A shot no one has set is a draft. */
export const APPROVAL_STATES = ['draft', 'in-review', 'changes-requested', 'approved'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPROVAL_LABELS: Record<ApprovalState, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
};

/**
 * A shot's approval: who set which state, when, signed by their device key over
 * `approvalSigningPayload`. The whole record is replaced on each change (last writer wins), so the
 * state and the name beside it always come from the same person.
 */
export const approvalSchema = z.object({
  shotId: shotIdSchema,
  state: z.enum(APPROVAL_STATES),
  author: participantSchema,
  /** Milliseconds since the epoch, by the author's clock. */
  setAt: z.number().finite(),
  signature: z.string(),
});

export type Approval = Stored<typeof approvalSchema>;

/** Approvals are plain values in the `approvals` map, replaced whole when migrated. */
export const approvalMigrations = migrationSequence('approval', []);

export function approvalSigningPayload(approval: Omit<Approval, 'signature'>): object {
  return {
    type: 'frameline.approval/1',
    shotId: approval.shotId,
    state: approval.state,
    author: approval.author,
    setAt: approval.setAt,
  };
}

/** States that wait on someone: what the review panel lists as pending. */
export function isPending(state: ApprovalState): boolean {
  return state === 'in-review' || state === 'changes-requested';
}
