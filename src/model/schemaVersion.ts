/**
 * Version of the project document's shape. Bump it when a field changes meaning or moves, and
 * add a step for that version to the migration sequence of each record it changes (the
 * `…Migrations` beside each schema; migrations.ts says how). Before bumping, save a project with
 * the current build as a test fixture (`npm run fixture:project`): every later build must open it.
 *
 * Adding a field with a default needs no bump: readers fill in the default, and older builds
 * leave fields they do not know untouched (writes are field by field).
 *
 * A client that meets a newer version than it knows opens that document read-only: writing could
 * drop or corrupt what it does not understand.
 */
export const PROJECT_SCHEMA_VERSION = 1;

/** Documents older than this were never written by a released build. */
export const FIRST_SCHEMA_VERSION = 1;
