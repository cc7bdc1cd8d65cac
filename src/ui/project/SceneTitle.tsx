import { useState, type ReactNode } from 'react';
import type { Scene } from '../../model/scene';
import type { ProjectSession } from '../../store';
import { InlineEdit } from '../common/InlineEdit';
import { SceneActions } from './SceneActions';

interface Props {
  readonly session: ProjectSession;
  readonly scene: Scene;
  /** More actions for the header, before the scene's menu (Generate all frames). */
  readonly children?: ReactNode;
}

/** Longest heading a scene takes (store/commands headingSchema). */
export const MAX_HEADING_LENGTH = 500;

/** A scene's title over its boards: the heading edits in place (click, Enter or F2). */
export function SceneTitle({ session, scene, children }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="scene-header">
      <h2 id={`scene-${scene.id}`} className="scene-title">
        <span className="scene-number">{scene.number}</span>{' '}
        {editing ? (
          <InlineEdit
            className="heading-edit"
            value={scene.heading}
            label={`Heading of scene ${scene.number}`}
            maxLength={MAX_HEADING_LENGTH}
            onCommit={(heading) => session.run('scene/setHeading', { sceneId: scene.id, heading })}
            onDone={() => setEditing(false)}
          />
        ) : (
          <button
            type="button"
            className="heading-button"
            title="Edit heading"
            disabled={session.readOnly}
            onClick={() => setEditing(true)}
          >
            {scene.heading || 'Untitled scene'}
          </button>
        )}
      </h2>
      {children}
      <SceneActions session={session} scene={scene} onEditHeading={() => setEditing(true)} />
    </div>
  );
}
