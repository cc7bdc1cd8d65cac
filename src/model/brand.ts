import type { z } from 'zod';

/**
 * Nominal typing for primitives. A `ShotId` is a string, but not every string is a `ShotId`;
 * a duration in milliseconds is a number, but not every number is a duration.
 *
 * It is zod's brand, so a schema declared with `.brand<'ShotId'>()` parses to exactly this type:
 * the record types derived from schemas (stored.ts) carry their brands without a cast.
 */
export type Brand<T, B extends string> = T & z.$brand<B>;
