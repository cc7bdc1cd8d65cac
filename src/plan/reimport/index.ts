export {
  planReimport,
  summarizeReimport,
  type ReimportPlan,
  type ReimportSummary,
  type SceneChange,
  type ShotChange,
} from './reimport';
