import type { Comment } from '../model/comment';
import type { ProjectSnapshot } from '../model/project';
import {
  parseReviewFile,
  REVIEW_FILE_MAX_BYTES,
  ReviewFileError,
} from '../export/review/reviewFile';
import { planReviewImport, type ReviewImportPlan } from '../export/review/reviewImport';

/**
 * "Import review…": a client's notes from a review page, read as hostile input (the size is
 * checked before a byte is read, then the schema), planned against the project so the person
 * sees what would be added first. Applying the plan is `review/importNotes` (one undo step).
 */
export async function planReviewImportFromFile(
  file: Blob & { readonly name: string },
  project: {
    readonly projectId: string;
    readonly snapshot: ProjectSnapshot;
    readonly comments: readonly Comment[];
  },
): Promise<ReviewImportPlan> {
  if (file.size > REVIEW_FILE_MAX_BYTES) {
    throw new ReviewFileError(`${file.name} is too big to be a review file.`);
  }
  const review = parseReviewFile(new Uint8Array(await file.arrayBuffer()));
  return planReviewImport(review, {
    projectId: project.projectId,
    shotIds: new Set(project.snapshot.shots.map((s) => s.id)),
    commentIds: new Set(project.comments.map((c) => c.id)),
    now: Date.now(),
  });
}
