export {
  planReimport,
  summarizeReimport,
  type ReimportOptions,
  type ReimportPlan,
  type ReimportSummary,
  type SceneChange,
  type ShotChange,
} from './reimport';
