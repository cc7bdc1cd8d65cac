/**
 * The Y.Doc behind an open session, for src/sync and src/store code that moves whole documents.
 * src/ui may not import this (eslint.config.js): components change a project through
 * `session.run` only.
 */
export { documentOf } from './projectSession';
