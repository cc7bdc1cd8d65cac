import type { z } from 'zod';

/** Everything a snapshot holds is immutable: a new snapshot is made for every change. */
export type DeepReadonly<T> = T extends
  string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : { readonly [K in keyof T]: DeepReadonly<T[K]> };

/**
 * The type of a record as stored and read, derived from its schema: one source for the shape,
 * the brands (ids, units) and the defaults. `z.output` because defaults are filled in on read.
 */
export type Stored<Schema extends z.ZodType> = DeepReadonly<z.output<Schema>>;
