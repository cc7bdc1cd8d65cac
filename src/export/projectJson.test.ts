import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../model/ids';
import { createProjectMeta, PROJECT_SCHEMA_VERSION, type ProjectSnapshot } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { VERSION_STATE_MIME } from '../model/version';
import { hashBytes } from '../store/assets';
import { projectFromJson, projectToJson, type AssetBytes } from './projectJson';
import { pngBytes } from '../../tests/helpers/mediaBytes';
import { projectJsonWithFrame, scriptedSvg } from '../../tests/helpers/hostileAssets';

async function sample(): Promise<{ snapshot: ProjectSnapshot; assets: AssetBytes[] }> {
  const bytes = pngBytes(1);
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

  test('a project saved by a newer build is refused, not silently narrowed to this shape', async () => {
    const { snapshot, assets } = await sample();
    const file = JSON.parse(projectToJson(snapshot, assets));
    file.project.meta.schemaVersion = PROJECT_SCHEMA_VERSION + 1;
    const result = await projectFromJson(JSON.stringify(file), 'f.json');
    expect(result.ok ? '' : result.error).toMatch(
      /saved by a newer Frameline .*this one reads up to \d+\)\. Update Frameline/,
    );
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

  test('an SVG frame with a script is refused, whatever type the file claims for it', async () => {
    const file = projectJsonWithFrame(scriptedSvg('json')).toString();
    const result = await projectFromJson(file, '“evil.json”');
    expect(result.ok ? '' : result.error).toMatch(
      /“evil\.json” cannot be imported: asset [0-9a-f]{12}… is an SVG image, which can carry scripts/,
    );
    const disguised = JSON.parse(file);
    disguised.assets[0].mimeType = 'image/png';
    expect((await projectFromJson(JSON.stringify(disguised))).ok).toBe(false);
  });

  test('a page declared as a version’s saved state is refused', async () => {
    const page = new TextEncoder().encode('<html><script>localStorage.x=1</script></html>');
    const file = JSON.parse(projectJsonWithFrame(page).toString());
    file.assets[0].mimeType = VERSION_STATE_MIME;
    const result = await projectFromJson(JSON.stringify(file), '“evil.json”');
    expect(result.ok ? '' : result.error).toMatch(
      /“evil\.json” cannot be imported: asset [0-9a-f]{12}… is not a saved version of a project/,
    );
  });

  test('an asset is kept with the type its bytes are, not the one the file claims', async () => {
    const { snapshot, assets } = await sample();
    const file = JSON.parse(projectToJson(snapshot, assets));
    file.assets[0].mimeType = 'image/svg+xml';
    const result = await projectFromJson(JSON.stringify(file));
    expect(result.ok && result.assets[0]!.mimeType).toBe('image/png');
  });

  test('a frame missing from the file is refused rather than silently dropped', async () => {
    const { snapshot } = await sample();
    const result = await projectFromJson(projectToJson(snapshot, []));
    expect(result.ok ? '' : result.error).toMatch(/frame of shot 1 is not in it/);
  });

  test('assets the project does not refer to are left out, never returned to be stored', async () => {
    const { snapshot, assets } = await sample();
    const stray = new Uint8Array([137, 80, 78, 71, 9, 9, 9]);
    const strayAsset = { hash: await hashBytes(stray), mimeType: 'image/png', bytes: stray };
    const result = await projectFromJson(projectToJson(snapshot, [...assets, strayAsset]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.assets.map((a) => a.hash)).toEqual([assets[0]!.hash]);
  });
});
