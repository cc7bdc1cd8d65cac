import { z } from 'zod';
import type { AssetHash } from './ids';

/**
 * One generated image kept on a shot. A shot keeps every take it was given, so a better frame
 * is never lost to a newer one; the user picks which take is the shot's frame. The bytes live in
 * the asset store under `hash`; the take only names them.
 */
export interface Take {
  /** Random id, unique within the shot (two peers generating at once never collide). */
  readonly id: string;
  readonly hash: AssetHash;
  /** The provider kind (`openai`, `comfyui`, `sketch`…) as it was when the take was made. */
  readonly providerKind: string;
  /** What the user called the provider (`OpenAI`, `Studio ComfyUI`): shown on the take. */
  readonly providerLabel: string;
  readonly model: string;
  /** The prompt exactly as it was sent, so a take can be understood and repeated. */
  readonly prompt: string;
  /** Epoch milliseconds when the image arrived. */
  readonly createdAt: number;
}

export const takeSchema = z.object({
  id: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  providerKind: z.string(),
  providerLabel: z.string(),
  model: z.string(),
  prompt: z.string(),
  createdAt: z.number(),
});

export function newTakeId(): string {
  return crypto.randomUUID();
}
