import { timelineShots, type ProjectSnapshot } from '../model/project';
import { isShotLine } from '../script/shots';
import type { ScriptDocument, ScriptElement } from '../script/types';

/** Omit distributed over the union, so each element kind keeps its own fields. */
type WithoutLine<T> = T extends unknown ? Omit<T, 'line'> : never;

/**
 * The screenplay as the boards tell it now: scene headings (with their numbers), each shot's
 * action and dialogue in board order. Used for "Export script" and the script view, so both
 * follow the team's edits and re-imported drafts rather than a stale copy of the first import.
 * Lines are numbered as if the document were written out one element per paragraph.
 */
export function scriptFromProject(snapshot: ProjectSnapshot): ScriptDocument {
  const elements: ScriptElement[] = [];
  let line = 1;
  const push = (element: WithoutLine<ScriptElement>, gap = true) => {
    elements.push({ ...element, line } as ScriptElement);
    line += element.text.split('\n').length + (gap ? 1 : 0);
  };
  // Grouped once, in board order: a big project is thousands of shots in hundreds of scenes.
  const shotsByScene = new Map<string, ProjectSnapshot['shots'][number][]>();
  for (const shot of timelineShots(snapshot)) {
    const list = shotsByScene.get(shot.sceneId) ?? [];
    list.push(shot);
    shotsByScene.set(shot.sceneId, list);
  }
  for (const scene of snapshot.scenes) {
    if (scene.heading)
      push({ type: 'scene_heading', text: scene.heading, sceneNumber: scene.number });
    for (const shot of shotsByScene.get(scene.id) ?? []) {
      const action = shot.action.trim();
      // The establishing shot repeats the heading when the scene opens without action.
      if (action && action !== scene.heading) pushAction(push, action);
      for (const speech of shot.dialogue) {
        if (!speech.line.trim()) continue;
        push({ type: 'character', text: speech.speaker || 'UNKNOWN' }, false);
        if (speech.parenthetical)
          push({ type: 'parenthetical', text: `(${speech.parenthetical})` }, false);
        push({ type: 'dialogue', text: speech.line });
      }
    }
  }
  const title = snapshot.meta.title.trim();
  return { titlePage: title ? { title } : {}, elements, diagnostics: [] };
}

/**
 * A shot made from a shot line (`CLOSE ON THE LETTER` over its action) tells it again as a shot
 * line and its action, so the script read back makes the same shot.
 */
function pushAction(push: (element: WithoutLine<ScriptElement>) => void, action: string): void {
  const newline = action.indexOf('\n');
  const first = (newline === -1 ? action : action.slice(0, newline)).trim();
  if (!isShotLine(first)) {
    push({ type: 'action', text: action });
    return;
  }
  push({ type: 'shot', text: first });
  const rest = newline === -1 ? '' : action.slice(newline + 1).trim();
  if (rest !== '') push({ type: 'action', text: rest });
}
