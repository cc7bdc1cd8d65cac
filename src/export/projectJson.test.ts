import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { hashBytes } from '../store/assets';
import { projectFromJson, projectToJson, type AssetBytes } from './projectJson';

async function sample(): Promise<{ snapshot: ProjectSnapshot; assets: AssetBytes[] }> {
  const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
  const hash = await hashBytes(bytes);
  const scene = createScene({ id: 's' as SceneId, number: '1', heading: 'INT. ROOM - DAY' });
  const shot = createShot({
    id: 'a' as ShotId,
    sceneId: scene.id,
    number: '1',
    frameHash: hash,
    frameSource: 'sketch',
  });
  return {
    snapshot: {
      meta: createProjectMeta('Round trip'),
      scenes: [scene],
      shots: [shot],
      characters: [],
    },
    assets: [{ hash, mimeType: 'image/png', bytes }],
  };
}

describe('project JSON', () => {
  test('export then import gives the same project and the same asset bytes', async () => {
    const { snapshot, assets } = await sample();
    const result = await projectFromJson(projectToJson(snapshot, assets));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot).toEqual(snapshot);
    expect(result.assets).toEqual(assets);
  });

  test.each([
    ['not JSON', '{', /not valid JSON/],
    ['another format', '{"format":"x"}', /not a Frameline project/],
    ['a newer version', '{"format":"frameline.project","version":99}', /newer Frameline/],
  ])('%s is refused', async (_, text, message) => {
    const result = await projectFromJson(text, 'f.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test('a bad field is named by its path', async () => {
    const { snapshot, assets } = await sample();
    const file = JSON.parse(projectToJson(snapshot, assets));
    file.project.shots[0].durationMs = -5;
    const result = await projectFromJson(JSON.stringify(file), 'f.json');
    expect(result.ok ? '' : result.error).toMatch(/project\.shots\.0\.durationMs/);
  });

  test('an asset whose bytes do not match its hash is refused', async () => {
    const { snapshot, assets } = await sample();
    const file = JSON.parse(projectToJson(snapshot, assets));
    file.assets[0].data = btoa('tampered');
    const result = await projectFromJson(JSON.stringify(file));
    expect(result.ok ? '' : result.error).toMatch(/does not match its hash/);
  });

  test('a frame missing from the file is refused rather than silently dropped', async () => {
    const { snapshot } = await sample();
    const result = await projectFromJson(projectToJson(snapshot, []));
    expect(result.ok ? '' : result.error).toMatch(/frame of shot 1 is not in it/);
  });
});
