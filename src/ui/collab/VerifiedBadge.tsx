import type { Approval } from '../../model/approval';
import type { Comment } from '../../model/comment';
import { keyFingerprint } from '../../model/participant';
import { useVerified } from './useVerified';

/**
 * "Signed" when the record's signature checks against the key it names. That proves it was not
 * changed since and was written with that key; anyone can make a key, so the fingerprint is shown
 * for people who want to compare.
 */
export function VerifiedBadge({ record }: { record: Comment | Approval }) {
  const verdict = useVerified(record);
  if (verdict === 'checking') return null;
  const key = keyFingerprint(record.author.publicKey);
  return verdict === 'verified' ? (
    <span
      className="verified ok"
      title={`Signed with key …${key}: not changed since it was written with that key.`}
    >
      ✓ Signed
    </span>
  ) : (
    <span
      className="verified bad"
      title="The signature does not match: this was changed after it was written, or never signed."
    >
      ⚠ Not verified
    </span>
  );
}
