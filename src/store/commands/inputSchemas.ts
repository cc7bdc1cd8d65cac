import { z } from 'zod';
import { characterSchema } from '../../model/character';
import { patchSchema } from '../../model/patchSchema';
import { projectMetaSchema } from '../../model/project';
import { sceneSchema } from '../../model/scene';
import { shotSchema } from '../../model/shot';

/**
 * Input schemas of the commands, built from the record schemas in src/model so a command checks
 * exactly what the document may hold (one source: change a record's schema, its commands follow).
 */

export const idSchema = z.string().min(1);

/** The shot fields a person edits directly (model/shot.ts `ShotPatch`). */
export const shotPatchSchema = patchSchema(shotSchema, [
  'shotType',
  'cameraAngle',
  'cameraMove',
  'durationMs',
  'action',
  'dialogue',
  'notes',
  'characterIds',
  'number',
  'prompt',
]);

/** The settings a person edits (model/project.ts): everything but the schema version and music. */
export const metaPatchSchema = patchSchema(projectMetaSchema, [
  'title',
  'aspectRatio',
  'frameFit',
  'frameRate',
  'stylePresetId',
  'customStyles',
  'sketchLook',
  'sketchCaptionBand',
]);

export const characterPatchSchema = patchSchema(characterSchema, [
  'description',
  'look',
  'wardrobe',
]);

/** Whole records arriving from an import, a re-import plan or a version being restored. */
export const recordsSchema = z.object({
  scenes: z.array(sceneSchema),
  shots: z.array(shotSchema),
  characters: z.array(characterSchema),
});

export const headingSchema = z.string().max(500);

/** A character's name as typed; it is trimmed and uppercased as scripts print names. */
export const characterNameSchema = characterSchema.shape.name.refine((name) => name.trim() !== '', {
  message: 'A character needs a name',
});
