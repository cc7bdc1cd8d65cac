export { REMOTE_ORIGIN, rootsOf, SYSTEM_ORIGIN, USER_ORIGIN } from './layout';
export * from './operations';
export { readProject, type ReadResult } from './read';
export { EMPTY_REVIEW, readReview, type ReviewSnapshot } from './readReview';
export { addComment, setApproval, setThreadResolution } from './review';
export { schemaStatus, type SchemaStatus } from './schema';
export {
  fitShotToAudio,
  removeAudioClip,
  setAudioClip,
  setMusic,
  setShotAudio,
  setShotFraming,
  setTransition,
} from './timelineOps';
export { addVersion, readVersions } from './versions';
