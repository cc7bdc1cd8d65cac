import { z } from 'zod';
import type { ShotId } from './ids';
import { participantSchema, type Participant } from './participant';

/**
 * Where someone's pointer is, in coordinates that survive different window sizes: relative to
 * the board it is over (`board`), to the frame preview in the inspector (`frame`), both with the
 * shot's id, or to the boards pane when between boards (`grid`). x and y are in [0, 1].
 */
export interface PresenceCursor {
  readonly area: 'board' | 'frame' | 'grid';
  readonly shotId: ShotId | null;
  readonly x: number;
  readonly y: number;
}

/** What one person shares about themselves through awareness (never stored, never signed). */
export interface PresenceState {
  readonly user: Participant;
  /** The shot they have selected: the one they are on. */
  readonly shotId: ShotId | null;
  readonly cursor: PresenceCursor | null;
}

const unit = z.number().min(0).max(1);

export const presenceCursorSchema = z.object({
  area: z.enum(['board', 'frame', 'grid']),
  shotId: z.string().max(64).nullable(),
  x: unit,
  y: unit,
});

export const presenceStateSchema = z.object({
  user: participantSchema,
  shotId: z.string().max(64).nullable(),
  cursor: presenceCursorSchema.nullable(),
});

/** A peer's state as received: anything that is not a presence state is ignored, not trusted. */
export function parsePresence(raw: unknown): PresenceState | null {
  const parsed = presenceStateSchema.safeParse(raw);
  return parsed.success ? (parsed.data as unknown as PresenceState) : null;
}

/** Someone else in the room, as the UI shows them. */
export interface Peer {
  /** The awareness client id: unique per open tab. */
  readonly clientId: number;
  readonly state: PresenceState;
}
