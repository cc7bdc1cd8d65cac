import type { z } from 'zod';

/**
 * Structured answers (outline, plan, bible) are checked against a schema. A malformed answer is
 * asked for once more; a second one is an error that carries the raw text, so the person sees
 * what the model wrote and nothing is silently dropped.
 */
export class StructuredOutputError extends Error {
  constructor(
    message: string,
    readonly raw: string,
  ) {
    super(message);
    this.name = 'StructuredOutputError';
  }
}

/** The JSON in an answer, which may come wrapped in prose or a code fence. */
export function extractJson(text: string): unknown {
  const starts = [text.indexOf('{'), text.indexOf('[')].filter((i) => i >= 0);
  if (starts.length === 0) throw new Error('The answer holds no JSON.');
  const start = Math.min(...starts);
  const close = text[start] === '{' ? '}' : ']';
  const end = text.lastIndexOf(close);
  if (end <= start) throw new Error('The answer’s JSON is cut off.');
  return JSON.parse(text.slice(start, end + 1)) as unknown;
}

export function parseStructured<T>(schema: z.ZodType<T>, text: string): T {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch (error) {
    throw new StructuredOutputError(error instanceof Error ? error.message : String(error), text);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new StructuredOutputError(
      `The answer is not in the expected shape${where}: ${issue?.message ?? 'invalid'}.`,
      text,
    );
  }
  return parsed.data;
}

/**
 * Asks `ask` (a model call that returns text); a malformed answer is asked for once more with a
 * note saying what was wrong; the second malformed answer throws StructuredOutputError.
 */
export async function askStructured<T>(
  schema: z.ZodType<T>,
  ask: (correction: string | null) => Promise<string>,
): Promise<T> {
  const first = await ask(null);
  try {
    return parseStructured(schema, first);
  } catch (error) {
    if (!(error instanceof StructuredOutputError)) throw error;
    const second = await ask(
      `Your previous answer could not be used (${error.message}). Answer with the JSON only.`,
    );
    return parseStructured(schema, second);
  }
}
