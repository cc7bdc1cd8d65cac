import { z } from 'zod';
import { fileSlug } from '../fileNames';

/**
 * The small file a review page downloads (reviewPage.ts writes the page, its script writes this
 * file) and Frameline imports back (reviewImport.ts). It comes from outside: anyone can write
 * one by hand, so everything here is bounded — the file's size, the number of notes, every
 * string — and the import refuses what the schema rejects rather than guessing.
 */
export const REVIEW_FILE_FORMAT = 'frameline.review';
export const REVIEW_FILE_VERSION = 1;

/** A real review of a long project is a few hundred notes of a few lines: far under this. */
export const REVIEW_FILE_MAX_BYTES = 1_000_000;
export const REVIEW_NOTE_MAX_CHARS = 2000;
export const REVIEW_MAX_NOTES = 5000;
export const REVIEWER_NAME_MAX_CHARS = 60;
const ID_MAX_CHARS = 100;

/** What the reviewer decided for a shot in the page; null when they only wrote a comment. */
export const REVIEW_VERDICTS = ['approved', 'changes-requested'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const reviewNoteSchema = z.strictObject({
  shotId: z.string().min(1).max(ID_MAX_CHARS),
  verdict: z.enum(REVIEW_VERDICTS).nullable(),
  comment: z.string().max(REVIEW_NOTE_MAX_CHARS),
});
export type ReviewNote = z.output<typeof reviewNoteSchema>;

export const reviewFileSchema = z.strictObject({
  format: z.literal(REVIEW_FILE_FORMAT),
  version: z.literal(REVIEW_FILE_VERSION),
  /** The project the page was exported from: a review of another project is refused. */
  projectId: z.string().min(1).max(ID_MAX_CHARS),
  /** Random per page load: importing the same file twice adds nothing the second time. */
  reviewId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  /** Typed by the reviewer in the page; a label, not an identity. */
  reviewer: z.string().max(REVIEWER_NAME_MAX_CHARS),
  /** Milliseconds since the epoch by the reviewer's clock (shown, never trusted for order). */
  savedAt: z.number().finite(),
  notes: z.array(reviewNoteSchema).max(REVIEW_MAX_NOTES),
});
export type ReviewFile = z.output<typeof reviewFileSchema>;

export class ReviewFileError extends Error {
  override readonly name = 'ReviewFileError';
}

/** Reads a review file's bytes: the size first, then JSON, then the schema. Throws in words. */
export function parseReviewFile(bytes: Uint8Array): ReviewFile {
  if (bytes.byteLength > REVIEW_FILE_MAX_BYTES) {
    throw new ReviewFileError(
      `This file is ${Math.round(bytes.byteLength / 1000)} KB; a review file is at most ${REVIEW_FILE_MAX_BYTES / 1000} KB.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ReviewFileError('This is not a review file: it is not JSON text.');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== REVIEW_FILE_FORMAT) {
    throw new ReviewFileError('This is not a review file from a Frameline review page.');
  }
  const parsed = reviewFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    throw new ReviewFileError(`This review file is damaged: ${where}: ${issue?.message ?? '?'}`);
  }
  return parsed.data;
}

export function reviewPageFileName(title: string): string {
  return `${fileSlug(title)}-review.html`;
}
