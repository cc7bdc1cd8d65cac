import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../model/ids';
import { createProjectMeta, projectMetaSchema, type ProjectSnapshot } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { sketchSignature } from './sketch/sketchInput';
import { sketchInputFor, sketchJobsFor, styleChange } from './sketchForShot';

const scene = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. OFFICE - NIGHT' });

/** A project styled "Noir charcoal" before sketches had looks: its shot's sketch is current. */
function projectSketchedBeforeLooks(): ProjectSnapshot {
  const meta = {
    // Read as a document saved before newer settings existed reads: every default of the schema.
    ...projectMetaSchema.parse({ title: 'Night' }),
    customStyles: [{ id: 'custom-1', name: 'Noir charcoal', prompt: 'Charcoal, heavy shadows' }],
    stylePresetId: 'custom-1',
  };
  const shot = createShot({ id: 'a' as ShotId, sceneId: scene.id, number: '1', action: 'Rain.' });
  const signature = sketchSignature(sketchInputFor(shot, scene, [], 16 / 9));
  return {
    meta,
    scenes: [scene],
    shots: [
      {
        ...shot,
        frameHash: 'f'.repeat(64) as never,
        frameSource: 'sketch',
        frameSignature: signature,
      },
    ],
    characters: [],
  };
}

describe('the look of offline sketches', () => {
  test('a project nobody restyled keeps its sketches when a build learns new looks', () => {
    expect(sketchJobsFor(projectSketchedBeforeLooks())).toEqual([]);
  });

  test('choosing a style stores its look, and the sketches are redrawn in it', () => {
    const project = projectSketchedBeforeLooks();
    const patch = styleChange(project.meta, { stylePresetId: 'noir' });
    expect(patch).toEqual({ stylePresetId: 'noir', sketchLook: 'noir' });
    const restyled = { ...project, meta: { ...project.meta, ...patch } };
    const jobs = sketchJobsFor(restyled);
    expect(jobs.map((job) => [job.shotId, job.input.look])).toEqual([['a', 'noir']]);
  });

  test('an older project keeps its sketches with their caption band; turning it off redraws them', () => {
    const project = projectSketchedBeforeLooks();
    expect(project.meta.sketchCaptionBand).toBe(true);
    expect(sketchJobsFor(project)).toEqual([]);
    const bandless = { ...project, meta: { ...project.meta, sketchCaptionBand: false } };
    expect(sketchJobsFor(bandless).map((job) => job.input.captionBand)).toEqual([false]);
  });

  test('a new project draws its sketches without the band (the render overlays it instead)', () => {
    expect(createProjectMeta('New').sketchCaptionBand).toBe(false);
  });

  test("a project's own style gives the look its words ask for", () => {
    const meta = createProjectMeta('x');
    const style = { id: 'custom-2', name: 'Comic', prompt: 'inked comic panels' };
    expect(styleChange(meta, { customStyles: [style], stylePresetId: style.id }).sketchLook).toBe(
      'ink',
    );
  });
});
