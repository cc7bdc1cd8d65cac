export { breakdownScript, type Breakdown, type BreakdownOptions } from './breakdown';
export {
  ACTION_WORDS_PER_SECOND,
  countWords,
  ESTABLISHING_SHOT_MS,
  estimateActionMs,
  estimateDialogueMs,
  MIN_ACTION_MS,
  MIN_SPEECH_MS,
  PAUSE_PER_SPEECH_MS,
  SPEAKING_WORDS_PER_SECOND,
} from './durations';
export { MAX_EXCHANGE_SHOT_MS, MAX_SPEECHES_PER_SHOT } from './exchanges';
export { COLD_OPEN_SCENE_NUMBER } from './sceneChunks';
