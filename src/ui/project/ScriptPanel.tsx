import { useState } from 'react';
import { castLines } from '../../model/cast';
import type { ShotId } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { formatDuration, sumDurations } from '../../model/units';
import { projectDoc, type ProjectSession } from '../../store';
import { CharacterBibleButton } from '../ai/CharacterBibleButton';
import { plural } from '../common/format';
import { ExportScriptButtons } from './ExportScriptButtons';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly selectedShot: Shot | null;
  readonly onPickShot: (id: ShotId) => void;
  /** Estimated script pages per scene id (from the script engine's statistics). */
  readonly pagesByScene: ReadonlyMap<string, number>;
}

type Tab = 'scenes' | 'characters';

/** The script beside the boards: scenes with page and time estimates, and the cast by lines. */
export function ScriptPanel({ session, snapshot, selectedShot, onPickShot, pagesByScene }: Props) {
  const [tab, setTab] = useState<Tab>('scenes');
  const shots = timelineShots(snapshot);
  return (
    <aside className="scene-list" aria-label="Script">
      <div className="tabs" role="tablist" aria-label="Script view">
        {(['scenes', 'characters'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`tab${tab === name ? ' current' : ''}`}
            onClick={() => setTab(name)}
          >
            {name === 'scenes' ? 'Scenes' : 'Characters'}
          </button>
        ))}
      </div>
      {tab === 'scenes' ? (
        <nav aria-label="Scenes">
          {snapshot.scenes.length === 0 ? <p className="muted">No scenes yet.</p> : null}
          <ol>
            {snapshot.scenes.map((scene) => {
              const sceneShots = shots.filter((s) => s.sceneId === scene.id);
              const first = snapshot.shots.find((s) => s.sceneId === scene.id);
              const current = selectedShot?.sceneId === scene.id;
              const pages = pagesByScene.get(scene.id);
              return (
                <li key={scene.id}>
                  <button
                    type="button"
                    className={`scene-item${current ? ' current' : ''}`}
                    aria-current={current ? 'true' : undefined}
                    disabled={!first}
                    onClick={() => first && onPickShot(first.id)}
                  >
                    <span className="scene-number">{scene.number}</span>
                    <span className="scene-heading">{scene.heading || 'Untitled scene'}</span>
                    <span className="muted scene-meta">
                      {plural(sceneShots.length, 'shot')} ·{' '}
                      {formatDuration(sumDurations(sceneShots.map((s) => s.durationMs)))}
                      {pages === undefined ? null : ` · ${pages.toFixed(1)} p`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button quiet"
            disabled={session.readOnly}
            onClick={() => {
              const shotId = projectDoc.addSceneWithShot(session.doc, 'INT. NEW SCENE - DAY');
              if (shotId) onPickShot(shotId);
            }}
          >
            + Add scene
          </button>
        </nav>
      ) : (
        <section aria-label="Characters">
          <CharacterBibleButton session={session} />
          {snapshot.characters.length === 0 ? <p className="muted">No characters yet.</p> : null}
          <ol className="cast-list">
            {castLines(snapshot).map((c) => (
              <li key={c.name}>
                <button
                  type="button"
                  className="scene-item"
                  disabled={!c.firstShotId}
                  onClick={() => c.firstShotId && onPickShot(c.firstShotId)}
                >
                  <span className="cast-name">{c.name}</span>
                  <span className="muted scene-meta">
                    {plural(c.lines, 'line')} · {plural(c.shots, 'shot')}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <ExportScriptButtons session={session} />
    </aside>
  );
}
