import { describe, expect, test } from 'vitest';
import { REVIEW_FILE_MAX_BYTES, parseReviewFile, type ReviewFile } from './reviewFile';
import { planReviewImport } from './reviewImport';

const FILE: ReviewFile = {
  format: 'frameline.review',
  version: 1,
  projectId: 'p1',
  reviewId: 'abcd1234',
  reviewer: '  Dana\u0007 Client ',
  savedAt: 5,
  notes: [
    { shotId: 's1', verdict: 'approved', comment: '' },
    { shotId: 's2', verdict: 'changes-requested', comment: 'Wider, please.' },
    { shotId: 's3', verdict: null, comment: '   ' },
    { shotId: 'gone', verdict: null, comment: 'Where did this go?' },
  ],
};
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const target = {
  projectId: 'p1',
  shotIds: new Set(['s1', 's2', 's3']),
  commentIds: new Set<string>(),
  now: 100,
};

describe('review file', () => {
  test('a file the page wrote reads back', () => {
    expect(parseReviewFile(bytes(FILE))).toEqual(FILE);
  });

  test.each([
    ['not JSON', new TextEncoder().encode('<html>'), /not JSON/],
    ['another format', bytes({ format: 'x' }), /not a review file/],
    ['a newer version', bytes({ ...FILE, version: 2 }), /version/],
    ['an unknown field', bytes({ ...FILE, extra: 1 }), /damaged/],
    [
      'a note too long',
      bytes({ ...FILE, notes: [{ shotId: 's1', verdict: null, comment: 'x'.repeat(2001) }] }),
      /notes\.0\.comment/,
    ],
    [
      'a bad verdict',
      bytes({ ...FILE, notes: [{ shotId: 's1', verdict: 'yes', comment: '' }] }),
      /verdict/,
    ],
    ['a long name', bytes({ ...FILE, reviewer: 'n'.repeat(61) }), /reviewer/],
    ['too big', new Uint8Array(REVIEW_FILE_MAX_BYTES + 1), /at most/],
  ])('refuses %s', (_, input, message) => {
    expect(() => parseReviewFile(input)).toThrow(message);
  });
});

describe('review import plan', () => {
  test('each note becomes an external, unsigned comment on its shot; unknown shots are listed', () => {
    const plan = planReviewImport(FILE, target);
    expect(plan.reviewer).toBe('Dana Client');
    expect(plan.unknownShots).toEqual(['gone']);
    expect(plan.approved).toBe(1);
    expect(plan.changesRequested).toBe(1);
    expect(plan.comments.map((c) => [c.target.id, c.body])).toEqual([
      ['s1', 'Approved.'],
      ['s2', 'Changes requested.\n\nWider, please.'],
    ]);
    for (const c of plan.comments) {
      expect(c).toMatchObject({ external: 'review-page', signature: '', createdAt: 100 });
      expect(c.author.publicKey).toBe('');
      expect(c.threadId).toBe(c.id);
    }
  });

  test('importing the same file again adds nothing', () => {
    const first = planReviewImport(FILE, target);
    const again = planReviewImport(FILE, {
      ...target,
      commentIds: new Set(first.comments.map((c) => c.id)),
    });
    expect(again.comments).toEqual([]);
    expect(again.alreadyImported).toBe(2);
  });

  test('a review of another project is refused', () => {
    expect(() => planReviewImport(FILE, { ...target, projectId: 'p2' })).toThrow(/another project/);
  });

  test('a reviewer with no name is called Reviewer', () => {
    expect(planReviewImport({ ...FILE, reviewer: ' ' }, target).reviewer).toBe('Reviewer');
  });
});
