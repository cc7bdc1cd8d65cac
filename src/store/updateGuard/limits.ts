/**
 * What a Yjs update may hold before Frameline lets Yjs see it, wherever it comes from: a peer,
 * another tab, a server, a bundle, a version's state, or the project's own stored log. Figures
 * for scale: a 5,000-shot project with three takes a shot is one 7.4 MB update of 244,515
 * structs, 26,001 of them shared types, nested 3 deep (see layout.ts).
 */

/**
 * Deepest nesting of shared types (a Y.Map in a Y.Array in a Y.Map…), a root counting 0. Our
 * layout goes 3 deep (shots › shot › takes › take); the frame editor may add a few more. Yjs
 * deletes, garbage-collects and serialises nested types recursively, so without a bound one
 * update of 100,000 nested maps overflowed the call stack on every open of the project.
 */
export const MAX_TYPE_DEPTH = 16;

/**
 * Shared types one update may create. Each costs about 1 KB of memory once applied (200,000
 * empty Y.Maps took 189 MB); real updates stay far below (the 5,000-shot project above: 26,001).
 */
export const MAX_SHARED_TYPES_PER_UPDATE = 100_000;

/**
 * Shared types a stored project may hold in all: the per-update bound, repeated, must not add up
 * to a document that exhausts memory on every open.
 */
export const MAX_SHARED_TYPES_PER_DOCUMENT = 500_000;

/** Structs (items and gaps) one update may hold: eight times the 5,000-shot project. */
export const MAX_STRUCTS_PER_UPDATE = 2_000_000;

/** Deepest nesting of a plain (JSON-like) value inside an update (our records are 3 deep). */
export const MAX_VALUE_DEPTH = 32;

/** Distinct root names one update may create; a project has fewer than a dozen. */
export const MAX_ROOT_NAMES_PER_UPDATE = 256;

/** A single struct's length (a run of deleted items, say); real documents stay far below. */
export const MAX_STRUCT_LENGTH = 2 ** 32;
