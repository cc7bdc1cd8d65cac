import { z } from 'zod';
import { approvalSchema, type Approval } from '../../model/approval';
import {
  commentSchema,
  threadResolutionSchema,
  type Comment,
  type ThreadId,
  type ThreadResolution,
} from '../../model/comment';
import { projectVersionSchema, type ProjectVersion } from '../../model/version';
import { addComment, addVersion, setApproval, setThreadResolution } from '../projectDoc';
import { APP_CHANGE, defineCommand, STEP } from './command';
import { idSchema } from './inputSchemas';

/**
 * Review and history. None of these is on the undo stack: a posted comment or a signed approval
 * is taken back by a new one, never by Ctrl+Z, so undoing an edit never unsays anything.
 */
export const reviewCommands = {
  'review/addComment': defineCommand({
    input: z.object({ comment: commentSchema }),
    undo: APP_CHANGE,
    run: ({ doc }, { comment }: { comment: Comment }) => addComment(doc, comment),
  }),

  'review/resolveThread': defineCommand({
    input: z.object({ threadId: idSchema, resolution: threadResolutionSchema }),
    undo: APP_CHANGE,
    run: ({ doc }, i: { threadId: ThreadId; resolution: ThreadResolution }) =>
      setThreadResolution(doc, i.threadId, i.resolution),
  }),

  'review/setApproval': defineCommand({
    input: z.object({ approval: approvalSchema }),
    undo: APP_CHANGE,
    run: ({ doc }, { approval }: { approval: Approval }) => setApproval(doc, approval),
  }),

  /**
   * Notes a client sent back from a review page (src/export/review): unsigned comments marked
   * external, all of them ONE undo step — unlike a member's own comment, an import is a thing
   * the person did to the project and may take back (the session's undo manager tracks the
   * comments map for exactly this: only user-origin writes land there, and every other review
   * command writes with the app's origin).
   */
  'review/importNotes': defineCommand({
    input: z.object({
      comments: z
        .array(
          commentSchema.refine((c) => c.external !== undefined && c.signature === '', {
            message: 'Imported notes are external and unsigned',
          }),
        )
        .min(1)
        .max(5000),
    }),
    undo: STEP,
    run: ({ doc }, { comments }: { comments: readonly Comment[] }) => {
      for (const comment of comments) addComment(doc, comment);
    },
  }),

  /** Lists a saved version (its state is already an asset, see store/versionHistory.ts). */
  'version/add': defineCommand({
    input: z.object({ version: projectVersionSchema }),
    undo: APP_CHANGE,
    run: ({ doc }, { version }: { version: ProjectVersion }) => addVersion(doc, version),
  }),
};
