import type { ProjectId, SceneId, ShotId } from './ids';

/** What a search result can point at: a whole project, one of its scenes, shots or comments. */
export const SEARCH_KINDS = ['project', 'scene', 'shot', 'comment'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable piece of a project, as plain text (src/search builds them from a snapshot and
 * indexes them). Kept as a record of its own so the store can cache a project's documents beside
 * the project (the index is rebuilt from them without opening every document).
 */
export interface SearchDocument {
  /** Unique across projects: `<projectId>/<kind>/<record id>`. */
  readonly id: string;
  readonly kind: SearchKind;
  readonly projectId: ProjectId;
  readonly projectTitle: string;
  /** The scene a scene, shot or comment on a shot belongs to; null for a project. */
  readonly sceneId: SceneId | null;
  /** The shot of a shot or of a comment on one; null otherwise. */
  readonly shotId: ShotId | null;
  /** What a result shows first: the title, `Scene 3 · INT. KITCHEN`, `Shot 3A`. */
  readonly label: string;
  /** Spoken lines, `SPEAKER: line` one a line (shots only). */
  readonly dialogue: string;
  /** Everything else: action, notes, prompt, heading, location, comment body, character names. */
  readonly text: string;
  /** The project's tags, space-separated (project documents only). */
  readonly tags: string;
}
