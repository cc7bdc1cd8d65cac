import type { Comment } from '../model/comment';
import type { ProjectId, SceneId, ShotId } from '../model/ids';
import type { ProjectSnapshot } from '../model/project';
import type { SearchDocument } from '../model/searchDocument';
import type { ProjectRow } from '../store';

/** What of a project is searched: its document, its comments and what its list row holds. */
export interface SearchableProject {
  readonly projectId: ProjectId;
  /** The list row's title (the Y.Doc's title mirrored); shown with every result of the project. */
  readonly title: string;
  readonly tags: readonly string[];
  readonly snapshot: Pick<ProjectSnapshot, 'scenes' | 'shots' | 'characters'>;
  readonly comments: readonly Pick<Comment, 'id' | 'body' | 'target'>[];
}

const lines = (parts: readonly string[]) => parts.filter((part) => part.trim() !== '').join('\n');

/**
 * The project's searchable pieces: one for the project (title, tags), one per scene (its
 * heading: the script's scene lines), one per shot (action, dialogue, notes, prompt, who is in
 * it: the rest of the script plus the board's own fields) and one per comment.
 */
export function searchDocumentsOf(project: SearchableProject): SearchDocument[] {
  const { projectId, title, snapshot } = project;
  const base = { projectId, projectTitle: title, dialogue: '', tags: '' };
  const docs: SearchDocument[] = [
    {
      ...base,
      id: `${projectId}/project/${projectId}`,
      kind: 'project',
      sceneId: null,
      shotId: null,
      label: title || 'Untitled project',
      text: '',
      tags: project.tags.join(' '),
    },
  ];
  const sceneNumbers = new Map<SceneId, string>();
  for (const scene of snapshot.scenes) {
    sceneNumbers.set(scene.id, scene.number);
    docs.push({
      ...base,
      id: `${projectId}/scene/${scene.id}`,
      kind: 'scene',
      sceneId: scene.id,
      shotId: null,
      label: `Scene ${scene.number} · ${scene.heading}`,
      text: scene.heading,
    });
  }
  const names = new Map(snapshot.characters.map((c) => [c.id, c.name] as const));
  const shotScenes = new Map<ShotId, { sceneId: SceneId; number: string }>();
  for (const shot of snapshot.shots) {
    shotScenes.set(shot.id, { sceneId: shot.sceneId, number: shot.number });
    docs.push({
      ...base,
      id: `${projectId}/shot/${shot.id}`,
      kind: 'shot',
      sceneId: shot.sceneId,
      shotId: shot.id,
      label: `Shot ${shot.number}`,
      dialogue: lines(shot.dialogue.map((d) => `${d.speaker}: ${d.line}`)),
      text: lines([
        shot.action,
        shot.notes,
        shot.prompt,
        ...shot.characterIds.map((id) => names.get(id) ?? ''),
      ]),
    });
  }
  for (const comment of project.comments) {
    const target = comment.target;
    const shot = target.kind === 'shot' ? shotScenes.get(target.id) : undefined;
    const sceneId = target.kind === 'scene' ? target.id : (shot?.sceneId ?? null);
    const where =
      target.kind === 'scene'
        ? `on scene ${sceneNumbers.get(target.id) ?? '?'}`
        : shot
          ? `on shot ${shot.number}`
          : 'on a removed shot';
    docs.push({
      ...base,
      id: `${projectId}/comment/${comment.id}`,
      kind: 'comment',
      sceneId,
      shotId: target.kind === 'shot' && shot ? target.id : null,
      label: `Comment ${where}`,
      text: comment.body,
    });
  }
  return docs;
}

/** What of the list row goes into a project's documents: when it changes, they are rebuilt. */
export function rowKeyOf(row: Pick<ProjectRow, 'title'>): string {
  return JSON.stringify([row.title]);
}

/** The documents of a project as its list row and its content say. */
export function documentsFor(
  row: Pick<ProjectRow, 'id' | 'title'>,
  content: SearchableProject['snapshot'],
  comments: SearchableProject['comments'],
): SearchDocument[] {
  return searchDocumentsOf({
    projectId: row.id,
    title: row.title,
    tags: [],
    snapshot: content,
    comments,
  });
}
