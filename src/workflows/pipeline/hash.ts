import { canonicalJson } from '../../model/canonical';

/**
 * The cache key of a step: SHA-256 of the canonical JSON of everything it reads (its version,
 * the parameters it uses, its provider choice and the results of the steps before it). Key order
 * does not matter; any change to any of them gives another key.
 */
export async function inputHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
