import type { Random } from './random';

export type ExteriorKind = 'city' | 'street' | 'hills' | 'trees' | 'water' | 'road' | 'open';
export type InteriorKind = 'room' | 'kitchen' | 'shelves' | 'vehicle';

/**
 * Exterior words match at the start of a word (HILLTOP, SEASIDE, WOODLAND); interior words must
 * stand alone (a BARN is not a BAR). `\b` does not treat É as a letter, hence lookarounds.
 * First match wins, so "STREET BY THE RIVER" is a street.
 */
const EXTERIOR_WORDS: readonly (readonly [ExteriorKind, RegExp])[] = [
  ['street', /(?<![A-Z])(STREET|AVENUE|ALLEY|PARKING|SIDEWALK|CROSSWALK|BOULEVARD)/],
  ['road', /(?<![A-Z])(ROAD|HIGHWAY|FREEWAY|LANE|BRIDGE|DRIVEWAY|TRACK)/],
  ['water', /(?<![A-Z])(SEA|BEACH|OCEAN|LAKE|RIVER|HARBOU?R|DOCK|PIER|SHORE|COAST|BAY|PORT)/],
  ['trees', /(?<![A-Z])(FOREST|WOOD|PARK|GARDEN|YARD|ORCHARD|JUNGLE|CEMETERY|CAMP)/],
  ['city', /(?<![A-Z])(CITY|DOWNTOWN|ROOFTOP|PLAZA|SQUARE|SKYLINE|TOWN|MARKET|STATION|BUILDING)/],
  ['hills', /(?<![A-Z])(HILL|MOUNTAIN|DESERT|VALLEY|FIELD|FARM|CANYON|RIDGE|MEADOW|PLAIN)/],
];

const INTERIOR_WORDS: readonly (readonly [InteriorKind, RegExp])[] = [
  ['vehicle', /(?<![A-Z])(CAR|TRUCK|VAN|TAXI|CAB|BUS|TRAIN|PLANE|COCKPIT|SUBWAY)(?![A-Z])/],
  ['kitchen', /(?<![A-Z])(KITCHEN|DINER|BAR|CAF[EÉ]|RESTAURANT|PUB|COUNTER|SHOP|STORE)(?![A-Z])/],
  ['shelves', /(?<![A-Z])(OFFICE|LIBRARY|STUDY|CLASSROOM|STUDIO|LAB|ARCHIVE|BOOKSHOP)(?![A-Z])/],
];

const DEFAULT_EXTERIORS = ['hills', 'trees', 'city', 'open'] as const;

/** A location's words pick the set; with no match, the set is chosen by the location's seed. */
export function exteriorKind(location: string, rng: Random): ExteriorKind {
  const words = location.toUpperCase();
  for (const [kind, pattern] of EXTERIOR_WORDS) if (pattern.test(words)) return kind;
  return rng.pick(DEFAULT_EXTERIORS);
}

export function interiorKind(location: string): InteriorKind {
  const words = location.toUpperCase();
  for (const [kind, pattern] of INTERIOR_WORDS) if (pattern.test(words)) return kind;
  return 'room';
}
