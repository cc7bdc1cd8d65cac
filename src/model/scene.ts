import { z } from 'zod';
import { sceneIdSchema } from './ids';
import { migrationSequence } from './migrations';
import type { Stored } from './stored';

export const INT_EXT_VALUES = ['INT', 'EXT', 'INT/EXT', 'NONE'] as const;
export type IntExt = (typeof INT_EXT_VALUES)[number];

export const sceneSchema = z.object({
  id: sceneIdSchema,
  /**
   * The scene's number as printed: the script's own (`#12A#`) when it has one, else its position
   * at import time. A string because production numbers are `12A`, and because it must stay put
   * when scenes are inserted later (shot numbers are built on it).
   */
  number: z.string(),
  /** The full heading as written, e.g. `INT. KITCHEN - NIGHT`. */
  heading: z.string(),
  intExt: z.enum(INT_EXT_VALUES),
  /** `KITCHEN`; empty when the heading names no place. */
  location: z.string(),
  /** `NIGHT`; empty when the heading gives no time. */
  timeOfDay: z.string(),
});

export type Scene = Stored<typeof sceneSchema>;

/** What a scene added by hand is called until someone writes its heading. */
export const NEW_SCENE_HEADING = 'INT. NEW SCENE - DAY';

/** A scene's own fields (its shot order is structure, not a field, and is never migrated here). */
export const sceneMigrations = migrationSequence('scene', []);

/**
 * A new scene. Its place and time of day have no fixed default: they are read from the heading
 * (`parseSceneHeading`) unless given.
 */
export function createScene(
  props: Omit<Scene, 'intExt' | 'location' | 'timeOfDay'> & Partial<Scene>,
): Scene {
  const parsed = parseSceneHeading(props.heading);
  return {
    intExt: parsed.intExt,
    location: parsed.location,
    timeOfDay: parsed.timeOfDay,
    ...props,
  };
}

const INT_EXT_PREFIX = /^(INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|I\/E|INT|EXT|EST)[.\s]+/i;

/** The last ` - `, ` -- ` or ` – ` in a heading separates place from time. */
const TIME_SEPARATORS = /\s+(?:-{1,2}|–|—)\s+(?!.*\s(?:-{1,2}|–|—)\s)/;
const LAST_COMMA = /,\s*(?!.*,)/;

/** Splits `INT. KITCHEN - NIGHT` into its parts. Unknown shapes keep the whole text as location. */
export function parseSceneHeading(
  heading: string,
): Pick<Scene, 'intExt' | 'location' | 'timeOfDay'> {
  let rest = heading.trim();
  let intExt: IntExt = 'NONE';
  const prefix = INT_EXT_PREFIX.exec(rest);
  if (prefix?.[1]) {
    const word = prefix[1].toUpperCase().replace(/[.\s]/g, '');
    intExt = word === 'INT' ? 'INT' : word === 'EXT' || word === 'EST' ? 'EXT' : 'INT/EXT';
    rest = rest.slice(prefix[0].length);
  }
  // `KITCHEN - NIGHT` is the convention; `APARTMENT, DAY` and `ROOF -- DUSK` are common too.
  const separator = TIME_SEPARATORS.exec(rest) ?? LAST_COMMA.exec(rest);
  if (!separator) return { intExt, location: rest.trim(), timeOfDay: '' };
  return {
    intExt,
    location: rest.slice(0, separator.index).trim(),
    timeOfDay: rest.slice(separator.index + separator[0].length).trim(),
  };
}
