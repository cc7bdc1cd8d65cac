import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ShotId } from '../../model/ids';
import { shotsOfScene, type ProjectSnapshot } from '../../model/project';
import { dropTarget, nudgeTarget, type ShotPlace } from '../../model/reorder';
import { projectDoc, type ProjectSession } from '../../store';
import { GenerateSceneButton } from '../ai/GenerateSceneButton';
import { showToast } from '../app/toastStore';
import { ImportScreenplayButton } from '../app/ImportScreenplayButton';
import type { FileImports } from '../app/useFileImports';
import { Board } from './Board';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly selectedId: ShotId | null;
  readonly onSelect: (id: ShotId) => void;
  readonly imports: FileImports;
}

function focusShot(id: ShotId) {
  document.querySelector<HTMLElement>(`[data-shot-id="${id}"]`)?.focus();
}

export function BoardGrid({ session, snapshot, selectedId, onSelect, imports }: Props) {
  const announce = useRef<HTMLParagraphElement>(null);
  // A shot moved to another scene is a new element: put focus back on it after the render.
  const refocus = useRef<ShotId | null>(null);
  useEffect(() => {
    if (refocus.current) focusShot(refocus.current);
    refocus.current = null;
  });

  const say = (text: string) => {
    if (announce.current) announce.current.textContent = text;
  };

  const move = (id: ShotId, place: ShotPlace | null) => {
    if (!place || session.readOnly) return;
    session.undoManager.stopCapturing(); // a move is one undo step, never merged with the last
    projectDoc.moveShot(session.doc, id, place.sceneId, place.index);
    refocus.current = id;
    const moved = session.getState().snapshot.shots.find((s) => s.id === id);
    if (moved) say(`Shot ${moved.number} moved to position ${place.index + 1} of its scene.`);
  };

  const onBoardKey = (id: ShotId) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const shots = snapshot.shots;
    const at = shots.findIndex((s) => s.id === id);
    const earlier = e.key === 'ArrowLeft' || e.key === 'ArrowUp';
    const later = e.key === 'ArrowRight' || e.key === 'ArrowDown';
    if ((earlier || later) && e.altKey) {
      e.preventDefault();
      move(id, nudgeTarget(snapshot, id, earlier ? -1 : 1));
    } else if (earlier || later) {
      e.preventDefault();
      const next = shots[at + (earlier ? -1 : 1)];
      if (next) focusShot(next.id);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && !session.readOnly) {
      e.preventDefault();
      const shot = shots[at];
      const neighbour = shots[at + 1] ?? shots[at - 1];
      projectDoc.deleteShot(session.doc, id);
      if (neighbour) refocus.current = neighbour.id;
      showToast({
        kind: 'info',
        title: `Deleted shot ${shot?.number ?? ''}`,
        action: { label: 'Undo', run: () => session.undo() },
      });
    }
  };

  if (snapshot.scenes.length === 0) {
    return (
      <section className="boards-pane empty-state" aria-label="Boards">
        <h2>No boards yet</h2>
        <p>
          Import a screenplay to board it shot by shot, or add a scene and build it up from scratch.
        </p>
        <div className="empty-actions">
          <ImportScreenplayButton imports={imports} primary />
          <button
            className="button"
            type="button"
            onClick={() => {
              const shotId = projectDoc.addSceneWithShot(session.doc, 'INT. NEW SCENE - DAY');
              if (shotId) onSelect(shotId);
            }}
          >
            Add scene
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="boards-pane" aria-label="Boards">
      <p ref={announce} className="visually-hidden" aria-live="polite" />
      <p className="muted keyboard-hint">
        Arrow keys move between boards · Alt+arrows reorder · Delete removes · drag to reorder
      </p>
      {snapshot.scenes.map((scene) => {
        const shots = shotsOfScene(snapshot, scene.id);
        return (
          <section key={scene.id} className="scene-boards" aria-labelledby={`scene-${scene.id}`}>
            <h2 id={`scene-${scene.id}`} className="scene-title">
              <span className="scene-number">{scene.number}</span>{' '}
              {scene.heading || 'Untitled scene'}
            </h2>
            <GenerateSceneButton session={session} snapshot={snapshot} scene={scene} />
            <ol className="board-grid">
              {shots.map((shot) => (
                <li key={shot.id}>
                  <Board
                    shot={shot}
                    selected={shot.id === selectedId}
                    onSelect={() => onSelect(shot.id)}
                    onKeyDown={onBoardKey(shot.id)}
                    onDropShot={(moving, side) =>
                      move(moving as ShotId, dropTarget(snapshot, moving as ShotId, shot.id, side))
                    }
                  />
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="add-board"
                  disabled={session.readOnly}
                  aria-label={`Add shot to scene ${scene.number}`}
                  onClick={() => {
                    const id = projectDoc.insertShot(session.doc, scene.id, shots.length);
                    if (id) {
                      onSelect(id);
                      refocus.current = id;
                    }
                  }}
                >
                  + Add shot
                </button>
              </li>
            </ol>
          </section>
        );
      })}
    </section>
  );
}
