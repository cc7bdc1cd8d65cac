import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'vitest';
import * as Y from 'yjs';
import { PROJECT_SCHEMA_VERSION } from '../../../src/model/project';
import { VERSION_STATE_MIME } from '../../../src/model/version';
import { referencedAssetHashes } from '../../../src/store/assetRefs';
import { startFakeProvider } from '../../fake-provider/server';
import { launchPersistent, trackPageErrors } from '../../helpers/browser';
import { readScreenplay } from '../../helpers/fixtures';
import { startStaticServer } from '../../helpers/staticServer';
import {
  addStyle,
  editCharacters,
  editProjectSettings,
  editShots,
  editTimeline,
  generateFrames,
  importScreenplay,
  reimport,
  review,
  saveVersion,
  setProfile,
  CUT_SCENE,
} from './drive';
import { readStoredAssets, readStoredProject } from './extract';
import { readAll } from './expected';

/**
 * `npm run fixture:project` — saves a project with today's production build and commits it as a
 * test fixture (tests/fixtures/projects/v<PROJECT_SCHEMA_VERSION>/), so that every later build
 * must open it with nothing lost (tests/unit/projectFixtures.test.ts, tests/e2e/fixtures.e2e.ts).
 * Run it (after `npx vite build`) just BEFORE a change bumps PROJECT_SCHEMA_VERSION, with the
 * old build: the fixture is the old shape, made by the old code.
 *
 *   FIXTURE_DIST  the build to drive (default dist/)
 *   FIXTURE_OUT   where to write (default tests/fixtures/projects/v<PROJECT_SCHEMA_VERSION>);
 *                 an existing fixture is never overwritten unless FIXTURE_OVERWRITE=1
 *
 * The expected snapshot is read by this checkout's src/ (readProject & co., expected.ts), so
 * FIXTURE_DIST must be a build of this same checkout.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const DIST = resolve(ROOT, process.env.FIXTURE_DIST ?? 'dist');
const OUT = resolve(
  ROOT,
  process.env.FIXTURE_OUT ?? `tests/fixtures/projects/v${PROJECT_SCHEMA_VERSION}`,
);
const SCREENPLAY = 'brick_and_steel.fountain';

/** The second draft: the trailer scene is cut and one line is rewritten. */
function secondDraft(first: string): string {
  const start = first.indexOf(CUT_SCENE);
  const end = first.indexOf("EXT. BRICK'S POOL - DAY");
  if (start < 0 || end < start) throw new Error('the screenplay changed: fix secondDraft');
  return (first.slice(0, start) + first.slice(end)).replace('Does a bear', 'Does a grizzly bear');
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  [VERSION_STATE_MIME]: 'yjs',
};

test('make the project fixture', async () => {
  // A fixture is what an earlier build saved: remaking one with a later build would hide the
  // very differences it is there to catch.
  if (existsSync(OUT) && process.env.FIXTURE_OVERWRITE !== '1') {
    throw new Error(
      `${OUT} exists. Fixtures are never remade; bump PROJECT_SCHEMA_VERSION first, or set FIXTURE_OVERWRITE=1 if you really mean it.`,
    );
  }
  const fake = await startFakeProvider();
  const server = await startStaticServer(DIST);
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await page.goto(server.url);
    const screenplay = readScreenplay(SCREENPLAY);
    await importScreenplay(page, SCREENPLAY, screenplay);
    await editProjectSettings(page);
    await generateFrames(page, fake);
    await reimport(page, secondDraft(screenplay));
    await editShots(page);
    await editTimeline(page);
    await addStyle(page);
    await editCharacters(page);
    await setProfile(page);
    await review(page);
    await saveVersion(page, 'Before the notes');
    // One more edit after the version, so the version and the project differ.
    await page.getByRole('button', { name: 'Shot 1B', exact: true }).click();
    await page
      .locator('.inspector label.field')
      .filter({ has: page.locator('span', { hasText: /^Notes$/ }) })
      .locator('textarea')
      .fill('Added after the version was saved.');
    // Let the throttled writer store everything, then read what it stored.
    await page.waitForTimeout(1500);
    await page.reload();
    await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
    if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);

    const stored = await readStoredProject(page);
    const update = Y.mergeUpdates(stored.updates.map(fromBase64));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const hashes = [...referencedAssetHashes(doc)].sort();
    const assets = await readStoredAssets(page, hashes);
    const versionStates = new Map(
      assets
        .filter((a) => a.mimeType === VERSION_STATE_MIME)
        .map((a) => [a.hash, fromBase64(a.base64)]),
    );
    const expected = readAll(doc, versionStates);
    if (expected.problems.length > 0 || expected.review.problems.length > 0)
      throw new Error(`the saved project reads with problems: ${expected.problems.join('; ')}`);

    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, 'assets'), { recursive: true });
    writeFileSync(join(OUT, 'document.yjs'), update);
    writeFileSync(
      join(OUT, 'assets.json'),
      `${JSON.stringify(
        assets.map((a) => ({
          hash: a.hash,
          mimeType: a.mimeType,
          file: `assets/${a.hash}.${EXTENSIONS[a.mimeType] ?? 'bin'}`,
        })),
        null,
        2,
      )}\n`,
    );
    for (const asset of assets) {
      const ext = EXTENSIONS[asset.mimeType] ?? 'bin';
      writeFileSync(join(OUT, 'assets', `${asset.hash}.${ext}`), fromBase64(asset.base64));
    }
    const row = Object.fromEntries(Object.entries(stored.row).filter(([key]) => key !== 'id'));
    writeFileSync(join(OUT, 'project-row.json'), `${JSON.stringify(row, null, 2)}\n`);
    writeFileSync(join(OUT, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
    console.log(
      `fixture: ${OUT} — document ${update.byteLength} bytes from ${stored.updates.length} rows, ` +
        `${assets.length} assets, ${expected.snapshot.shots.length} shots`,
    );
    doc.destroy();
  } finally {
    await close();
    await server.close();
    await fake.close();
  }
});
