import { approvalSigningPayload, type Approval } from '../model/approval';
import { canonicalJson } from '../model/canonical';
import { commentSigningPayload, type Comment } from '../model/comment';
import {
  DEVICE_KEY_ALGORITHM,
  fromBase64Url,
  toBase64Url,
  type DeviceKey,
} from '../store/deviceKey';

/**
 * Signatures on comments and approvals: ECDSA P-256 / SHA-256 over the canonical JSON of the
 * record's content, the author (with their public key) and the time. "Verified" means this
 * record was written by whoever holds the private key the record names, and not changed since;
 * it does not prove who that person is (anyone can make a key), which the UI says.
 */
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** Imported public keys and verdicts kept, so re-renders never re-verify. */
const CACHE_LIMIT = 2000;

const importedKeys = new Map<string, Promise<CryptoKey | null>>();
const verdicts = new Map<string, Promise<boolean>>();

function encode(payload: object): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(payload));
}

export async function signPayload(key: DeviceKey, payload: object): Promise<string> {
  const signature = await crypto.subtle.sign(SIGN_PARAMS, key.privateKey, encode(payload));
  return toBase64Url(new Uint8Array(signature));
}

/** The public key for verifying, imported once (null when the text is not a P-256 point). */
export function publicKeyFor(publicKey: string): Promise<CryptoKey | null> {
  let key = importedKeys.get(publicKey);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', fromBase64Url(publicKey), DEVICE_KEY_ALGORITHM, false, ['verify'])
      .catch(() => null);
    if (importedKeys.size >= CACHE_LIMIT) importedKeys.clear();
    importedKeys.set(publicKey, key);
  }
  return key;
}

export async function verifyPayload(
  publicKey: string,
  payload: object,
  signature: string,
): Promise<boolean> {
  if (!signature || !publicKey) return false;
  const key = await publicKeyFor(publicKey);
  if (!key) return false;
  try {
    return await crypto.subtle.verify(SIGN_PARAMS, key, fromBase64Url(signature), encode(payload));
  } catch {
    return false;
  }
}

function cached(id: string, check: () => Promise<boolean>): Promise<boolean> {
  let verdict = verdicts.get(id);
  if (!verdict) {
    verdict = check();
    if (verdicts.size >= CACHE_LIMIT) verdicts.clear();
    verdicts.set(id, verdict);
  }
  return verdict;
}

export async function signComment(
  key: DeviceKey,
  comment: Omit<Comment, 'signature'>,
): Promise<Comment> {
  return { ...comment, signature: await signPayload(key, commentSigningPayload(comment)) };
}

export function verifyComment(comment: Comment): Promise<boolean> {
  return cached(`c:${comment.signature}:${canonicalJson(commentSigningPayload(comment))}`, () =>
    verifyPayload(comment.author.publicKey, commentSigningPayload(comment), comment.signature),
  );
}

export async function signApproval(
  key: DeviceKey,
  approval: Omit<Approval, 'signature'>,
): Promise<Approval> {
  return { ...approval, signature: await signPayload(key, approvalSigningPayload(approval)) };
}

export function verifyApproval(approval: Approval): Promise<boolean> {
  return cached(`a:${approval.signature}:${canonicalJson(approvalSigningPayload(approval))}`, () =>
    verifyPayload(approval.author.publicKey, approvalSigningPayload(approval), approval.signature),
  );
}
