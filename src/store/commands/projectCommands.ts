import { z } from 'zod';
import { musicTrackSchema, type MusicTrack } from '../../model/audio';
import type { ProjectMeta, ProjectSnapshot } from '../../model/project';
import { projectSnapshotSchema } from '../../model/project';
import type { ReimportPlan } from '../../plan/reimport';
import { appendScenes, applyReimport, restoreSnapshot, setMusic, updateMeta } from '../projectDoc';
import { defineCommand, STEP } from './command';
import { idSchema, metaPatchSchema, recordsSchema } from './inputSchemas';

type MetaPatch = Partial<Omit<ProjectMeta, 'schemaVersion' | 'music'>>;

/** Project-wide settings and whole-project changes (imports, re-imports, restoring a version). */
export const projectCommands = {
  /** Title, aspect ratio, frame rate, style: typing the title merges; the rest are steps. */
  'project/update': defineCommand({
    input: z.object({ patch: metaPatchSchema }),
    undo: ({ patch }: { patch: MetaPatch }) =>
      Object.keys(patch).join() === 'title' ? { merge: 'project/title' } : 'step',
    run: ({ doc }, { patch }) => updateMeta(doc, patch),
  }),

  /** The music bed; dragging its volume or fade sliders merges into one step. */
  'project/setMusic': defineCommand({
    input: z.object({ music: musicTrackSchema.nullable() }),
    undo: ({ music }: { music: MusicTrack | null }) =>
      music === null ? 'step' : { merge: 'project/music' },
    run: ({ doc }, { music }) => setMusic(doc, music),
  }),

  /**
   * Adds the scenes, shots and characters of an imported screenplay after the last scene and,
   * with `title`, names the project after it: one step.
   */
  'project/appendScenes': defineCommand({
    input: z.object({ part: recordsSchema, title: metaPatchSchema.shape.title }),
    undo: STEP,
    run: ({ doc }, input: { part: Omit<ProjectSnapshot, 'meta'>; title?: string }) => {
      appendScenes(doc, input.part);
      if (input.title !== undefined) updateMeta(doc, { title: input.title });
    },
  }),

  /** Applies a reviewed re-import of a new draft (plan/reimport) as one step. */
  'project/applyReimport': defineCommand({
    input: recordsSchema
      .omit({ characters: true })
      .extend({
        newCharacters: recordsSchema.shape.characters,
        deletedShotIds: z.array(idSchema),
        deletedSceneIds: z.array(idSchema),
      })
      .loose(),
    undo: STEP,
    run: ({ doc }, plan: ReimportPlan) => applyReimport(doc, plan),
  }),

  /** Makes the boards what a saved version says, as one step every peer merges with. */
  'project/restoreVersion': defineCommand({
    input: z.object({ snapshot: projectSnapshotSchema }),
    undo: STEP,
    run: ({ doc }, { snapshot }: { snapshot: ProjectSnapshot }) => restoreSnapshot(doc, snapshot),
  }),
};
