export { rootsOf, SYSTEM_ORIGIN, USER_ORIGIN } from './layout';
export * from './operations';
export { readProject, type ReadResult } from './read';
export { schemaStatus, type SchemaStatus } from './schema';
