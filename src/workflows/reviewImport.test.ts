import { expect, test } from 'vitest';
import { timelineProject } from '../../tests/helpers/timelineProject';
import { planReviewImportFromFile } from './reviewImport';

const project = { projectId: 'p1', snapshot: timelineProject(), comments: [] };

test('a file too big to be a review is refused before it is read', async () => {
  const file = Object.assign(new Blob([new Uint8Array(1_000_001)]), { name: 'big.json' });
  await expect(planReviewImportFromFile(file, project)).rejects.toThrow(/too big/);
});

test('a review file plans one note per reviewed shot', async () => {
  const shot = project.snapshot.shots[0]?.id ?? '';
  const review = {
    format: 'frameline.review',
    version: 1,
    projectId: 'p1',
    reviewId: 'r0123456789',
    reviewer: 'Dana',
    savedAt: 1,
    notes: [{ shotId: shot, verdict: 'approved', comment: 'Yes.' }],
  };
  const file = Object.assign(new Blob([JSON.stringify(review)]), { name: 'notes.json' });
  const plan = await planReviewImportFromFile(file, project);
  expect(plan.comments.map((c) => [c.target.id, c.body, c.external])).toEqual([
    [shot, 'Approved.\n\nYes.', 'review-page'],
  ]);
});
