import type { $ZodIssue } from 'zod/v4/core';

export type CommandFailure = 'read-only' | 'invalid' | 'failed';

/**
 * Why a command changed nothing, in words for the person: which command, and for invalid input
 * which field and why ("shot/update: patch.durationMs: Too small: expected number to be >=100").
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    readonly command: string,
    readonly failure: CommandFailure,
    message: string,
    /** The offending field's path for `invalid` ("patch.durationMs"), else empty. */
    readonly field = '',
    options?: ErrorOptions,
    /** Why, without the prefix that names the kind of failure (for a toast's detail line). */
    readonly reason = message,
  ) {
    super(message, options);
  }

  static readOnly(command: string, reason: string): CommandError {
    return new CommandError(command, 'read-only', `Read-only — ${reason}`, '', undefined, reason);
  }

  static invalid(command: string, issues: readonly $ZodIssue[]): CommandError {
    const first = issues[0];
    const field = first ? first.path.map(String).join('.') : '';
    const why = first?.message ?? 'invalid input';
    const where = field ? `${field}: ` : '';
    return new CommandError(command, 'invalid', `Not changed — ${where}${why}`, field);
  }

  static failed(command: string, cause: unknown): CommandError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new CommandError(command, 'failed', `Not changed — ${detail}`, '', { cause });
  }
}

export type CommandResult<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: CommandError };
