export { REMOTE_ORIGIN, rootsOf, SYSTEM_ORIGIN, USER_ORIGIN } from './layout';
export * from './operations';
export { readProject, type ReadResult } from './read';
export { EMPTY_REVIEW, readReview, type ReviewSnapshot } from './readReview';
export { addComment, setApproval, setThreadResolution } from './review';
export { schemaStatus, type SchemaStatus } from './schema';
export { addVersion, readVersions } from './versions';
