/**
 * Why a provider call failed, sorted by what to do about it. The router retries only the
 * transient kinds; everything else moves straight on to the next provider.
 */
export const ERROR_KINDS = [
  /** The key is wrong, revoked, or not allowed this model. */
  'auth',
  /** No credit, billing off, or a daily quota spent: retrying today will not help. */
  'quota',
  /** Too many requests right now: retry after a pause. */
  'rateLimit',
  /** The provider failed (5xx, overloaded). */
  'server',
  /** No answer at all: server down, wrong address, offline. */
  'network',
  /** The server answered but the browser hid the answer: the provider does not allow web pages. */
  'cors',
  /** No answer within the time allowed. */
  'timeout',
  /** The user (or the app) stopped the call. */
  'cancelled',
  /** The provider answered with something that is not what its API promises. */
  'badResponse',
  /** The provider refused the request itself (unknown model, bad parameters, content policy). */
  'badRequest',
  /** This provider cannot do what was asked (no image support, no reference images…). */
  'unsupported',
  /** The key vault is locked by a passphrase. */
  'locked',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Worth another try at the same provider after a pause. */
export const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set([
  'rateLimit',
  'server',
  'network',
  'timeout',
]);

export class ProviderError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly status: number | null = null,
    /** How long the provider asked us to wait, when it said so in a way we could read. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** The sentence "Test connection" shows for each kind, before the provider's own words. */
export const ERROR_ADVICE: Record<ErrorKind, string> = {
  auth: 'The API key was refused. Check that it is complete and still active.',
  quota:
    'The account has no credit or its quota is used up. Add credit or wait for the quota to reset.',
  rateLimit: 'Too many requests right now. Frameline waits and tries again.',
  server: 'The provider had a problem on its side. Try again later.',
  network:
    'The provider could not be reached. Check the Base URL, that the server is running, and that you are online.',
  cors: 'The provider answered, but does not allow calls from a web page (CORS). Enable CORS on the server, or use a provider that allows it.',
  timeout: 'The provider did not answer in time.',
  cancelled: 'The call was stopped.',
  badResponse: 'The provider answered with something Frameline cannot read. Check the Base URL.',
  badRequest: 'The provider refused the request. Check the Model and the settings.',
  unsupported: 'This provider cannot do that.',
  locked: 'Your API keys are locked. Enter your passphrase in Settings.',
};

/** Longest provider message we keep: enough to explain, not a whole HTML error page. */
const MAX_MESSAGE_CHARS = 300;

/**
 * Removes secrets from text a provider sent back (some echo the key in "invalid key" errors) and
 * shortens it. Every message that reaches an error, the log or the UI passes through here.
 */
export function scrub(text: string, secrets: readonly (string | null)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[key]');
  }
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_MESSAGE_CHARS ? `${out.slice(0, MAX_MESSAGE_CHARS - 1)}…` : out;
}

export function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof Error && error.name === 'VaultLockedError')
    return new ProviderError('locked', error.message);
  if (error instanceof Error && error.name === 'AbortError')
    return new ProviderError('cancelled', 'The call was stopped.');
  return new ProviderError('badResponse', error instanceof Error ? error.message : String(error));
}
