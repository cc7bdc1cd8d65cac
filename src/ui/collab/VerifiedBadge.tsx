import type { Approval } from '../../model/approval';
import { isExternal, type Comment } from '../../model/comment';
import { keyFingerprint } from '../../model/participant';
import { useVerified } from './useVerified';

/**
 * "Signed" when the record's signature checks against the key it names. That proves it was not
 * changed since and was written with that key; anyone can make a key, so the fingerprint is shown
 * for people who want to compare. A comment imported from a review page is labelled as such.
 */
export function VerifiedBadge({ record }: { record: Comment | Approval }) {
  const verdict = useVerified(record);
  // A client's note from a review page was never signed by anyone: say where it came from.
  if ('external' in record && isExternal(record)) {
    return (
      <span
        className="verified outside"
        title="Imported from a review page: whoever wrote it typed their name, and nothing checks it."
      >
        From review page, not signed
      </span>
    );
  }
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
