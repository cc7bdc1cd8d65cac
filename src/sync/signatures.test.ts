import { describe, expect, test } from 'vitest';
import type { Comment, CommentId, ThreadId } from '../model/comment';
import type { ShotId } from '../model/ids';
import { openDb } from '../store/db';
import { getDeviceKey } from '../store/deviceKey';
import { signApproval, signComment, verifyApproval, verifyComment } from './signatures';

let count = 0;

async function deviceKey() {
  const db = openDb(`sign-${++count}`);
  return { db, key: await getDeviceKey(db) };
}

function draft(publicKey: string): Omit<Comment, 'signature'> {
  return {
    id: 'c1' as CommentId,
    threadId: 'c1' as ThreadId,
    target: { kind: 'shot', id: 's1' as ShotId },
    body: 'Push in slower here, @Ben',
    mentions: ['ben-key'],
    author: { name: 'Anna', color: '#3d7fd9', publicKey },
    createdAt: 1_700_000_000_000,
  };
}

describe('signed review records', () => {
  test('the device key is made once, kept, and its private half cannot be read out', async () => {
    const { db, key } = await deviceKey();
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
    expect((await getDeviceKey(db)).publicKey).toBe(key.publicKey);
    db.close();
  });

  test('a signed comment verifies; any change to it, or another key, does not', async () => {
    const { db, key } = await deviceKey();
    const comment = await signComment(key, draft(key.publicKey));
    expect(await verifyComment(comment)).toBe(true);
    expect(await verifyComment({ ...comment, body: 'Push in faster here' })).toBe(false);
    expect(await verifyComment({ ...comment, createdAt: comment.createdAt + 1 })).toBe(false);
    expect(
      await verifyComment({ ...comment, author: { ...comment.author, name: 'Mallory' } }),
    ).toBe(false);
    const other = await deviceKey();
    const forged = { ...comment, author: { ...comment.author, publicKey: other.key.publicKey } };
    expect(await verifyComment(forged)).toBe(false);
    expect(await verifyComment({ ...comment, signature: '' })).toBe(false);
    expect(await verifyComment({ ...comment, signature: '!!not base64' })).toBe(false);
    db.close();
    other.db.close();
  });

  test('approvals are signed over state, author and time', async () => {
    const { db, key } = await deviceKey();
    const approval = await signApproval(key, {
      shotId: 's1' as ShotId,
      state: 'approved',
      author: { name: 'Anna', color: '#3d7fd9', publicKey: key.publicKey },
      setAt: 1_700_000_000_000,
    });
    expect(await verifyApproval(approval)).toBe(true);
    expect(await verifyApproval({ ...approval, state: 'changes-requested' })).toBe(false);
    db.close();
  });
});
