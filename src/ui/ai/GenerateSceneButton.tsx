import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { startGeneration } from './startGeneration';
import { useAi } from './useAi';
import { useFrameQueue } from './useFrameQueue';

/** In a scene's header: queue a frame for every shot of the scene (OMITTED shots excluded). */
export function GenerateSceneButton({
  session,
  scene,
  sceneShots,
}: {
  readonly session: ProjectSession;
  readonly scene: Scene;
  /** The scene's shots in board order. */
  readonly sceneShots: readonly Shot[];
}) {
  const ai = useAi();
  const { runner } = useFrameQueue(session);
  const shots = sceneShots.filter((s) => !s.omitted);
  return (
    <button
      type="button"
      className="button quiet ai-scene-generate"
      disabled={session.readOnly || shots.length === 0 || !runner}
      title={`Generate a frame for each of the ${shots.length} shots of scene ${scene.number}`}
      onClick={() =>
        void startGeneration(
          ai,
          runner,
          `Scene ${scene.number}`,
          shots.map((s) => s.id),
        )
      }
    >
      Generate all frames
    </button>
  );
}
