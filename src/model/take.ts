import { z } from 'zod';
import { assetHashSchema } from './ids';
import { migrationSequence } from './migrations';
import type { Stored } from './stored';

/**
 * Where a take came from: generated (`ai`), drawn in the frame editor, or the person's own
 * picture. Picking a take as the frame makes this the shot's `frameSource`, and a drawn or
 * uploaded frame is never replaced without asking (re-import, batch generation).
 */
export const TAKE_SOURCES = ['ai', 'drawn', 'upload'] as const;
export type TakeSource = (typeof TAKE_SOURCES)[number];

export const TAKE_KINDS = ['image', 'video'] as const;
export type TakeKind = (typeof TAKE_KINDS)[number];

/**
 * One generated image kept on a shot. A shot keeps every take it was given, so a better frame
 * is never lost to a newer one; the user picks which take is the shot's frame. The bytes live in
 * the asset store under `hash`; the take only names them.
 */
export const takeSchema = z.object({
  /** Random id, unique within the shot (two peers generating at once never collide). */
  id: z.string().min(1),
  hash: assetHashSchema,
  /** The provider kind (`openai`, `comfyui`, `sketch`…) as it was when the take was made. */
  providerKind: z.string(),
  /** What the user called the provider (`OpenAI`, `Studio ComfyUI`): shown on the take. */
  providerLabel: z.string(),
  model: z.string(),
  /** The prompt exactly as it was sent, so a take can be understood and repeated. */
  prompt: z.string(),
  /** Epoch milliseconds when the image arrived. */
  createdAt: z.number(),
  /** Absent on generated takes (every take written before this field existed was one). */
  source: z.enum(TAKE_SOURCES).optional(),
  /**
   * `video`: a clip animated from the shot's still (image to video); picking it makes it the
   * shot's `clipHash` and leaves the still as the frame. Absent on pictures (every take written
   * before clips existed was one).
   */
  kind: z.enum(TAKE_KINDS).optional(),
  /** A clip's own length as the provider made it (it is trimmed or held to the shot). */
  clipMs: z.number().min(0).optional(),
});

export type Take = Stored<typeof takeSchema>;

/** Takes are Y.Maps in the shot's `takes` array; each is migrated on its own. */
export const takeMigrations = migrationSequence('take', []);

export function newTakeId(): string {
  return crypto.randomUUID();
}

export function takeSource(take: Pick<Take, 'source'>): TakeSource {
  return take.source ?? 'ai';
}

export function isClipTake(take: Pick<Take, 'kind'>): boolean {
  return take.kind === 'video';
}
