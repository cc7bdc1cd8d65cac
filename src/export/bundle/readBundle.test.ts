import { strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  declareSize,
  firstAssetName,
  HOSTILE_KINDS,
  hostileBundle,
  unzipEntries,
  without,
  zipEntries,
  type Entries,
} from '../../../tests/helpers/bundle';
import { projectWithFrames } from '../../../tests/helpers/projectWithFrames';
import { createAssetStore, hashBytes, openDb, type FramelineDb } from '../../store';
import { exportBundle } from './exportBundle';
import { readBundle } from './readBundle';
import { bundleWithFrame, scriptedSvg } from '../../../tests/helpers/hostileAssets';

let db: FramelineDb;
let count = 0;
let valid: Uint8Array;
let entries: Entries;

beforeEach(async () => {
  db = openDb(`bundle-${++count}`);
  const { id } = await projectWithFrames(db, { frames: 3 });
  valid = (await exportBundle(db, createAssetStore(db), id, 'test-build')).bytes;
  entries = unzipEntries(valid);
});

afterEach(() => {
  db.close();
});

async function refusal(bytes: Uint8Array): Promise<string> {
  const result = await readBundle(bytes, '“x.frameline”');
  if (result.ok) throw new Error('the bundle was accepted');
  return result.error;
}

function withManifestEntries(edit: (manifest: Record<string, unknown>) => void): Entries {
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
  edit(manifest);
  return { ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)) };
}

function withManifest(edit: (manifest: Record<string, unknown>) => void): Uint8Array {
  return zipEntries(withManifestEntries(edit));
}

describe('a valid bundle', () => {
  test('has the documented layout and reads back to the same project and bytes', async () => {
    expect(Object.keys(entries).sort()).toEqual(
      [
        'README.txt',
        'document.yjs',
        'manifest.json',
        'project.json',
        ...Object.keys(entries).filter((name) => name.startsWith('assets/')),
      ].sort(),
    );
    const result = await readBundle(valid);
    if (!result.ok) throw new Error(result.error);
    const { bundle } = result;
    expect(bundle.manifest.generator).toBe('test-build');
    expect(bundle.snapshot.shots).toHaveLength(3);
    expect(bundle.assets).toHaveLength(3);
    for (const asset of bundle.assets) {
      expect(asset.bytes).toEqual(entries[`assets/${asset.hash}`]);
    }
  });

  test('images the document does not refer to are neither read nor kept', async () => {
    const stray = new Uint8Array([137, 80, 78, 71, 7, 7, 7]);
    const hash = await hashBytes(stray);
    const bytes = zipEntries({
      ...withManifestEntries((manifest) => {
        (manifest.assets as unknown[]).push({ hash, mimeType: 'image/png', size: stray.length });
      }),
      [`assets/${hash}`]: stray,
    });
    const result = await readBundle(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.bundle.assets.map((a) => a.hash).sort()).toEqual(
      Object.keys(entries)
        .filter((name) => name.startsWith('assets/'))
        .map((name) => name.slice('assets/'.length))
        .sort(),
    );
    expect(result.bundle.unreferenced).toBe(1);
  });

  test('an image the exporting browser had lost is listed as missing and still imports', async () => {
    const asset = firstAssetName(entries);
    const hash = asset.slice('assets/'.length);
    const rest = without(entries, asset);
    const bytes = (() => {
      const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
      manifest.assets = manifest.assets.filter((a: { hash: string }) => a.hash !== hash);
      manifest.missingAssets = [hash];
      return zipEntries({ ...rest, 'manifest.json': strToU8(JSON.stringify(manifest)) });
    })();
    expect((await readBundle(bytes)).ok).toBe(true);
  });
});

describe('hostile and broken bundles are refused with a reason', () => {
  test.each(HOSTILE_KINDS)('%s', async (kind) => {
    const hostile = hostileBundle(valid, kind);
    expect(await refusal(hostile.bytes)).toMatch(hostile.message);
  });

  test('a declared size over the limit is refused before inflating', async () => {
    const bytes = declareSize(valid, 'manifest.json', 5 * 1024 * 1024);
    expect(await refusal(bytes)).toMatch(
      /“manifest\.json” would inflate to 5\.0 MB \(at most 4\.0 MB/,
    );
  });

  test.each([
    ['/etc/passwd', /is an absolute path/],
    ['C:/Windows/x', /is an absolute path/],
    ['assets\\..\\x', /uses a backslash/],
    ['assets/./x', /points outside the bundle/],
    ['payload.exe', /unexpected entry “payload\.exe”/],
    ['assets/not-a-hash', /unexpected entry/],
  ])('the entry name %s', async (name, message) => {
    expect(await refusal(zipEntries({ ...entries, [name]: new Uint8Array(1) }))).toMatch(message);
  });

  test('an image the manifest does not list', async () => {
    const stray = `assets/${'a'.repeat(64)}`;
    expect(await refusal(zipEntries({ ...entries, [stray]: new Uint8Array(1) }))).toMatch(
      /an image the manifest does not list/,
    );
  });

  test('a listed image that is not in the zip', async () => {
    const rest = without(entries, firstAssetName(entries));
    expect(await refusal(zipEntries(rest))).toMatch(/is missing/);
  });

  test('a shot whose frame is neither in the bundle nor listed as missing', async () => {
    const asset = firstAssetName(entries);
    const hash = asset.slice('assets/'.length);
    const rest = without(entries, asset);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    manifest.assets = manifest.assets.filter((a: { hash: string }) => a.hash !== hash);
    const bytes = zipEntries({ ...rest, 'manifest.json': strToU8(JSON.stringify(manifest)) });
    expect(await refusal(bytes)).toMatch(/the frame of shot \d is not in it/);
  });

  test('a flipped bit is caught by the checksum', async () => {
    // Images are stored, not deflated: their bytes stand in the zip as they are. (Searching for
    // one byte value instead sometimes hit the deflated document and broke the inflate first.)
    const asset = entries[firstAssetName(entries)]!;
    const start = Buffer.from(valid).indexOf(Buffer.from(asset));
    expect(start).toBeGreaterThan(0);
    const damaged = valid.slice();
    damaged[start + Math.floor(asset.byteLength / 2)]! ^= 0x01;
    expect(await refusal(damaged)).toMatch(/damaged|does not match/);
  });

  test.each([
    ['not JSON', (e: Entries) => ({ ...e, 'manifest.json': strToU8('{') }), /not valid JSON/],
    ['another format', null, /not a Frameline bundle/],
    ['a newer format', null, /newer Frameline \(format 9\)/],
    ['a bad field', null, /manifest is damaged: project\.createdAt/],
  ])('a manifest that is %s', async (kind, change, message) => {
    const bytes =
      change !== null
        ? zipEntries(change(entries))
        : withManifest((m) => {
            if (kind === 'another format') m.format = 'zip.of.cats';
            if (kind === 'a newer format') m.version = 9;
            if (kind === 'a bad field') (m.project as Record<string, unknown>).createdAt = -1;
          });
    expect(await refusal(bytes)).toMatch(message);
  });

  test('a document that does not match the manifest', async () => {
    const document = entries['document.yjs']!.slice();
    document.set([document.at(-1)! ^ 0xff], document.length - 1);
    expect(await refusal(zipEntries({ ...entries, 'document.yjs': document }))).toMatch(
      /document does not match the manifest/,
    );
  });

  test('garbage where the document should be, with a matching hash', async () => {
    const garbage = new Uint8Array([0, 0, 0, 0, 0]);
    const { hashBytes } = await import('../../store');
    const sha256 = await hashBytes(garbage);
    const bytes = zipEntries({
      ...unzipEntries(
        withManifest((m) => {
          m.document = { size: garbage.length, sha256 };
        }),
      ),
      'document.yjs': garbage,
    });
    expect(await refusal(bytes)).toMatch(/holds no project|damaged|incomplete/);
  });

  test('an SVG frame with a script is refused, and so is one disguised as a PNG', async () => {
    const svg = scriptedSvg('bundle');
    const hostile = await bundleWithFrame(svg);
    expect(await refusal(hostile)).toMatch(
      /cannot be imported: the file [0-9a-f]{12}… is an SVG image, which can carry scripts/,
    );
    const entries = unzipEntries(hostile);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    for (const asset of manifest.assets) asset.mimeType = 'image/png';
    const disguised = zipEntries({
      ...entries,
      'manifest.json': strToU8(JSON.stringify(manifest)),
    });
    expect(await refusal(disguised)).toMatch(/SVG image/);
  });

  test('assets are read with the type their bytes are, not the manifest’s', async () => {
    const bytes = withManifest((manifest) => {
      for (const asset of manifest.assets as { mimeType: string }[]) asset.mimeType = 'text/html';
    });
    const result = await readBundle(bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.bundle.assets.map((a) => a.mimeType)).toEqual([
      'image/png',
      'image/png',
      'image/png',
    ]);
  });

  test('a file that is not a zip at all', async () => {
    expect(await refusal(strToU8('hello, I am a text file that is long enough to scan'))).toMatch(
      /not a complete zip file/,
    );
  });
});
