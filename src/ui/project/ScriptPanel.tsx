import { useState } from 'react';
import type { ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { formatDuration, sumDurations } from '../../model/units';
import type { ProjectSession } from '../../store';
import { NEW_SCENE_HEADING } from '../../model/scene';
import { plural } from '../common/format';
import { CastSection } from './CastSection';
import { ExportScriptButtons } from './ExportScriptButtons';
import { SceneRow } from './SceneRow';
import type { ShotGroups } from './shotGroups';

interface Props {
  readonly session: ProjectSession;
  readonly snapshot: ProjectSnapshot;
  readonly selectedShot: Shot | null;
  readonly onPickShot: (id: ShotId) => void;
  /** Estimated script pages per scene id (from the script engine's statistics). */
  readonly pagesByScene: ReadonlyMap<string, number>;
  /** Each scene's shots in board order. */
  readonly groups: ShotGroups;
}

type Tab = 'scenes' | 'characters';

/** "3 shots · 0:12.0" per scene's shots array: only the scene typed in is counted again. */
const countsAndTimes = new WeakMap<readonly Shot[], string>();
function countAndTime(shots: readonly Shot[]): string {
  let text = countsAndTimes.get(shots);
  if (text === undefined) {
    const shown = shots.filter((s) => !s.omitted);
    const time = formatDuration(sumDurations(shown.map((s) => s.durationMs)));
    text = `${plural(shown.length, 'shot')} · ${time}`;
    countsAndTimes.set(shots, text);
  }
  return text;
}

/** The script beside the boards: scenes with page and time estimates, and the cast by lines. */
export function ScriptPanel(props: Props) {
  const { session, snapshot, selectedShot, onPickShot, pagesByScene, groups } = props;
  const [tab, setTab] = useState<Tab>('scenes');
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
              const inScene = groups.get(scene.id) ?? [];
              const first = inScene[0];
              const current = selectedShot?.sceneId === scene.id;
              const pages = pagesByScene.get(scene.id);
              const pageText = pages === undefined ? '' : ` · ${pages.toFixed(1)} p`;
              return (
                <SceneRow
                  key={scene.id}
                  session={session}
                  scene={scene}
                  current={current}
                  firstShotId={first?.id ?? null}
                  meta={`${countAndTime(inScene)}${pageText}`}
                  onPickShot={onPickShot}
                />
              );
            })}
          </ol>
          <button
            type="button"
            className="button quiet"
            disabled={session.readOnly}
            onClick={() => {
              const added = session.run('scene/addWithShot', { heading: NEW_SCENE_HEADING });
              if (added.ok && added.value) onPickShot(added.value);
            }}
          >
            + Add scene
          </button>
        </nav>
      ) : (
        <CastSection session={session} snapshot={snapshot} onPickShot={onPickShot} />
      )}
      <ExportScriptButtons session={session} />
    </aside>
  );
}
