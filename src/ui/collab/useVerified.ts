import { useEffect, useState } from 'react';
import type { Approval } from '../../model/approval';
import type { Comment } from '../../model/comment';
import { verifyApproval, verifyComment } from '../../sync/signatures';

export type Verification = 'checking' | 'verified' | 'unverified';

/** Checks a comment's or approval's signature (cached in sync/signatures.ts). */
export function useVerified(record: Comment | Approval | null): Verification {
  const [result, setResult] = useState<{ record: Comment | Approval; ok: boolean } | null>(null);
  useEffect(() => {
    if (!record) return;
    let live = true;
    const check = 'body' in record ? verifyComment(record) : verifyApproval(record);
    void check.then((ok) => live && setResult({ record, ok }));
    return () => {
      live = false;
    };
  }, [record]);
  if (!record || result?.record !== record) return 'checking';
  return result.ok ? 'verified' : 'unverified';
}
