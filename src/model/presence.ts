import { z } from 'zod';
import { MAX_COORD, STROKE_TOOLS } from './drawing';
import { shotIdSchema } from './ids';
import { participantSchema } from './participant';
import type { Stored } from './stored';

const unit = z.number().min(0).max(1);
/** Presence carries a shot id from anyone in the room: bounded like everything it sends. */
const presenceShotIdSchema = shotIdSchema.max(64).nullable();

/**
 * Where someone's pointer is, in coordinates that survive different window sizes: relative to
 * the board it is over (`board`), to the frame preview in the inspector (`frame`), both with the
 * shot's id, or to the boards pane when between boards (`grid`). x and y are in [0, 1].
 */
export const presenceCursorSchema = z.object({
  area: z.enum(['board', 'frame', 'grid']),
  shotId: presenceShotIdSchema,
  x: unit,
  y: unit,
});

/** Most points a live stroke is sent with: a long one is thinned out (model/drawingUnits.ts). */
export const MAX_LIVE_STROKE_POINTS = 400;

/**
 * The stroke someone is drawing right now in the frame editor (on `shotId`), so others see it
 * appear before it is committed to the document. Points as a drawing stores them (x, y,
 * pressure triples in frame units), thinned out to at most MAX_LIVE_STROKE_POINTS.
 */
export const presenceStrokeSchema = z.object({
  shotId: shotIdSchema.max(64),
  tool: z.enum(STROKE_TOOLS),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  size: z.number().min(1).max(5_000),
  points: z.array(z.number().int().min(-MAX_COORD).max(MAX_COORD)).max(MAX_LIVE_STROKE_POINTS * 3),
});

const yId = z.object({ client: z.number().int().min(0), clock: z.number().int().min(0) });
/** A Yjs relative position as JSON (`Y.relativePositionToJSON`): where in the script text. */
const relativePositionSchema = z.object({
  type: yId.nullish(),
  tname: z.string().max(64).nullish(),
  item: yId.nullish(),
  assoc: z.number().int().optional(),
});

/**
 * Someone's cursor and selection in the script editor (y-codemirror.next's shape, kept under its
 * own key so it never mixes with the board pointer `cursor`): anchor and head in the text.
 */
export const presenceScriptCursorSchema = z.object({
  anchor: relativePositionSchema,
  head: relativePositionSchema,
});

/** What one person shares about themselves through awareness (never stored, never signed). */
export const presenceStateSchema = z.object({
  user: participantSchema,
  /** The shot they have selected: the one they are on. */
  shotId: presenceShotIdSchema,
  cursor: presenceCursorSchema.nullable(),
  /** Absent from builds before the frame editor, and whenever they are not drawing. */
  drawing: presenceStrokeSchema.nullable().optional(),
  /** Absent from builds before the script editor, and when they are not in it. */
  scriptCursor: presenceScriptCursorSchema.nullable().optional(),
});

export type PresenceStroke = Stored<typeof presenceStrokeSchema>;

export type PresenceCursor = Stored<typeof presenceCursorSchema>;
export type PresenceScriptCursor = Stored<typeof presenceScriptCursorSchema>;
export type PresenceState = Stored<typeof presenceStateSchema>;

/** A peer's state as received: anything that is not a presence state is ignored, not trusted. */
export function parsePresence(raw: unknown): PresenceState | null {
  const parsed = presenceStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Someone else in the room, as the UI shows them. */
export interface Peer {
  /** The awareness client id: unique per open tab. */
  readonly clientId: number;
  readonly state: PresenceState;
}
