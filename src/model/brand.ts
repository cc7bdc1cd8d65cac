/**
 * Nominal typing for primitives. A `ShotId` is a string, but not every string is a `ShotId`;
 * a duration in milliseconds is a number, but not every number is a duration.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };
