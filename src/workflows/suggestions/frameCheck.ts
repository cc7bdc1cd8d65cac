import { z } from 'zod';
import { promptForShot } from '../../ai/frames/promptBuilder';
import {
  NO_USAGE,
  type ImageBytes,
  type Usage,
  type VisionRequest,
} from '../../ai/providers/types';
import type { AiRouter, RouteOptions } from '../../ai/router/router';
import type { AssetHash, ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import type { AssetStore } from '../../store/assets';
import { askStructured } from '../pipeline/structured';

/**
 * "Check frame" in the shot inspector: a text model that reads pictures compares a generated
 * frame with what the shot asks for (its description) and with the character bible's look and
 * wardrobe of who is in it, and answers with a score and what does not match. Its notes can go
 * back into the frame's prompt for a new take (generateFrame's `notes`).
 */

const listOf = z.array(z.string().trim().min(1)).default([]);

export const frameScoreSchema = z.object({
  /** 5: the frame shows the shot as described; 1: it shows something else. */
  score: z.coerce.number().int().min(1).max(5),
  matches: listOf,
  mismatches: listOf,
  /** What to tell the image model next time, in a sentence or two; empty when nothing. */
  notes: z.string().trim().default(''),
});
export type FrameScore = z.infer<typeof frameScoreSchema>;

export const FRAME_CHECK_SYSTEM =
  'You check a generated storyboard frame against the shot it was made for. Compare the ' +
  'picture with the shot description (framing, camera, place, time of day, action) and with ' +
  'each character’s look and wardrobe. Score it from 1 (shows something else) to 5 (shows the ' +
  'shot as described). List what matches and what does not, concretely, and write notes: ' +
  'instructions for the image model that would fix the mismatches. Answer with JSON only: ' +
  '{"score": 3, "matches": ["..."], "mismatches": ["..."], "notes": "..."}.';

/** Pictures count as about this many input tokens (1024 px: OpenAI ~765, Claude ~1,600). */
export const PICTURE_TOKENS = 1600;
const ANSWER_TOKENS = 500;

/** The shot and its cast in words: what the frame is checked against. */
export function frameCheckPrompt(snapshot: ProjectSnapshot, shot: Shot): string {
  const cast = shot.characterIds.flatMap((id) => {
    const c = snapshot.characters.find((x) => x.id === id);
    if (!c) return [];
    const facts = [
      c.description.trim(),
      c.look.trim() && `look: ${c.look.trim()}`,
      c.wardrobe.trim() && `wardrobe: ${c.wardrobe.trim()}`,
    ].filter(Boolean);
    return [`- ${c.name} — ${facts.join('; ') || 'no description in the bible'}`];
  });
  return [
    `Shot ${shot.number}.`,
    `Shot description: ${promptForShot(snapshot, shot)}`,
    cast.length > 0
      ? `Characters in the shot (from the character bible):\n${cast.join('\n')}`
      : 'No named characters are in the shot.',
  ].join('\n\n');
}

export function frameCheckUsage(prompt: string): Usage {
  return {
    ...NO_USAGE,
    inputTokens: PICTURE_TOKENS + Math.ceil((FRAME_CHECK_SYSTEM.length + prompt.length) / 4),
    outputTokens: ANSWER_TOKENS,
  };
}

export interface FrameCheck {
  readonly shotId: ShotId;
  /** The frame that was checked: a check says nothing about a frame made after it. */
  readonly frameHash: AssetHash;
  readonly score: FrameScore;
  readonly providerLabel: string;
  readonly costUsd: number;
}

/**
 * Sends the shot's current frame with its description to the first text provider whose model
 * reads pictures; a malformed answer is asked for once more, then thrown with its raw text.
 */
export interface FrameCheckDeps {
  readonly router: AiRouter;
  readonly assets: AssetStore;
  /**
   * The picture as sent: the page scales a large frame down (a model reads about 1,000 px and
   * bills by size); absent, the stored bytes go as they are.
   */
  readonly prepare?: (picture: Blob) => Promise<ImageBytes>;
}

export async function checkFrame(
  deps: FrameCheckDeps,
  snapshot: ProjectSnapshot,
  shotId: ShotId,
  options: RouteOptions = {},
): Promise<FrameCheck> {
  const shot = snapshot.shots.find((s) => s.id === shotId);
  if (!shot) throw new Error('The shot was deleted.');
  const frameHash = shot.frameHash;
  if (!frameHash) throw new Error('The shot has no frame to check.');
  const blob = await deps.assets.get(frameHash);
  if (!blob) throw new Error('The frame’s picture is not in this browser.');
  const request: VisionRequest = {
    system: FRAME_CHECK_SYSTEM,
    prompt: frameCheckPrompt(snapshot, shot),
    maxOutputTokens: ANSWER_TOKENS * 2,
    images: [
      {
        label: `the generated frame for shot ${shot.number}`,
        ...(deps.prepare
          ? await deps.prepare(blob)
          : {
              bytes: new Uint8Array(await blob.arrayBuffer()),
              mimeType: blob.type || 'image/png',
            }),
      },
    ],
  };
  let costUsd = 0;
  let providerLabel = '';
  const score = await askStructured(frameScoreSchema, async (correction) => {
    const routed = await deps.router.vision(
      correction ? { ...request, prompt: `${request.prompt}\n\n${correction}` } : request,
      options,
    );
    costUsd += routed.costUsd;
    providerLabel = routed.provider.label;
    return routed.result.text;
  });
  return { shotId, frameHash, score, providerLabel, costUsd };
}

/** The notes that go into the next take's prompt: the model's own, else its mismatches. */
export function regenerationNotes(score: FrameScore): string {
  if (score.notes) return score.notes;
  return score.mismatches.map((m) => `Fix: ${m}`).join(' ');
}
