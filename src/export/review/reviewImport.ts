import type { Comment, CommentId } from '../../model/comment';
import type { ShotId } from '../../model/ids';
import type { Participant } from '../../model/participant';
import { ReviewFileError, type ReviewFile, type ReviewVerdict } from './reviewFile';

/**
 * What importing a review file would add to the project, worked out before anything is written
 * (the dialog shows it; "Import notes" runs `review/importNotes` with `comments`). Each note
 * becomes a new comment thread on its shot, marked external and unsigned: an outside reviewer
 * cannot approve a shot on the team's behalf, so a verdict arrives as words, not as a state.
 */
export interface ReviewImportPlan {
  readonly reviewer: string;
  readonly savedAt: number;
  readonly comments: readonly Comment[];
  readonly approved: number;
  readonly changesRequested: number;
  /** Shot ids the project does not have (deleted since, or a hand-made file), each once. */
  readonly unknownShots: readonly string[];
  /** Notes this project already holds from an earlier import of the same file. */
  readonly alreadyImported: number;
}

export interface ReviewImportTarget {
  readonly projectId: string;
  readonly shotIds: ReadonlySet<string>;
  readonly commentIds: ReadonlySet<string>;
  /** The import's time: what the notes are dated (the reviewer's clock is not trusted). */
  readonly now: number;
}

export const VERDICT_WORDS: Record<ReviewVerdict, string> = {
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

/** The grey of someone outside the room: no participant colour of their own. */
const OUTSIDE_COLOR = '#6b7280';
export const UNNAMED_REVIEWER = 'Reviewer';

export function planReviewImport(file: ReviewFile, target: ReviewImportTarget): ReviewImportPlan {
  if (file.projectId !== target.projectId) {
    throw new ReviewFileError(
      'This review is of another project: export a review page from this project and review that.',
    );
  }
  const author: Participant = {
    name: cleanText(file.reviewer).replace(/\s+/g, ' ') || UNNAMED_REVIEWER,
    color: OUTSIDE_COLOR,
    publicKey: '',
  };
  const comments: Comment[] = [];
  const unknown = new Set<string>();
  let alreadyImported = 0;
  let approved = 0;
  let changesRequested = 0;
  for (const [i, note] of file.notes.entries()) {
    const text = cleanText(note.comment);
    if (!note.verdict && !text) continue;
    if (!target.shotIds.has(note.shotId)) {
      unknown.add(note.shotId);
      continue;
    }
    const id = `review-${file.reviewId}-${i}` as CommentId;
    if (target.commentIds.has(id)) {
      alreadyImported++;
      continue;
    }
    if (note.verdict === 'approved') approved++;
    if (note.verdict === 'changes-requested') changesRequested++;
    const verdict = note.verdict ? `${VERDICT_WORDS[note.verdict]}.` : '';
    comments.push({
      id,
      threadId: id,
      target: { kind: 'shot', id: note.shotId as ShotId },
      body: [verdict, text].filter(Boolean).join('\n\n'),
      mentions: [],
      author,
      createdAt: target.now,
      signature: '',
      external: 'review-page',
    });
  }
  return {
    reviewer: author.name,
    savedAt: file.savedAt,
    comments,
    approved,
    changesRequested,
    unknownShots: [...unknown],
    alreadyImported,
  };
}

/** Control characters (but line breaks and tabs) say nothing a reviewer meant; trimmed too. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
}
