import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import * as Y from 'yjs';
import { launchPersistent, trackPageErrors, chooseExport } from '../helpers/browser';
import {
  fixtureDoc,
  loadProjectFixture,
  lostFields,
  projectFixtureVersions,
  type ProjectFixture,
} from '../helpers/projectFixtures';
import { PROJECT_SCHEMA_VERSION } from '../../src/model/schemaVersion';

/**
 * Projects saved by earlier builds (tests/fixtures/projects) open in this production build with
 * nothing lost: the stored rows are put into the app's IndexedDB as that build left them, the
 * project is opened, and what the app exports and shows is compared with what the old build read.
 * A project from a newer build opens read-only and says why.
 */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
});

afterAll(async () => {
  await close();
});

interface StoredRows {
  readonly id: string;
  readonly row: Record<string, unknown>;
  readonly update: string;
  readonly assets: readonly { hash: string; mimeType: string; data: string }[];
}

/** Writes a project into the app's database the way the app itself stores one. */
async function storeInBrowser(rows: StoredRows): Promise<void> {
  await page.evaluate(async ({ id, row, update, assets }) => {
    const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('frameline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['projects', 'docUpdates', 'assets'], 'readwrite');
    tx.objectStore('projects').put({ ...row, id, deletedAt: null });
    tx.objectStore('docUpdates').add({ projectId: id, update: bytes(update) });
    for (const asset of assets) {
      const data = bytes(asset.data);
      tx.objectStore('assets').put({
        hash: asset.hash,
        blob: new Blob([data], { type: asset.mimeType }),
        mimeType: asset.mimeType,
        size: data.byteLength,
        createdAt: Date.now(),
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
}

function rowsOf(fixture: ProjectFixture, id: string, update = fixture.update): StoredRows {
  return {
    id,
    row: fixture.row,
    update: Buffer.from(update).toString('base64'),
    assets: fixture.assets.map((a) => ({
      hash: a.hash,
      mimeType: a.mimeType,
      data: Buffer.from(a.bytes).toString('base64'),
    })),
  };
}

async function openProject(id: string) {
  await page.goto(`${inject('baseUrl')}#/project/${id}`);
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
}

const board = (number: string) => page.getByRole('button', { name: `Shot ${number}`, exact: true });

describe.each(projectFixtureVersions())('a project saved in schema version %i', (version) => {
  const fixture = loadProjectFixture(version);
  const { snapshot, review, versions } = fixture.expected;
  const id = `fixture-v${version}`;

  test('opens, and the app exports every field of it', async () => {
    await storeInBrowser(rowsOf(fixture, id));
    await openProject(id);
    expect(await page.getByLabel('Project title').inputValue()).toBe(snapshot.meta.title);
    expect(await page.locator('.banner').count()).toBe(0);

    const download = page.waitForEvent('download');
    await chooseExport(page, 'Project file (.json)');
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      project: unknown;
      assets: { hash: string }[];
    };
    expect(lostFields(exported.project, snapshot)).toEqual([]);
    // Every frame, sound, sheet and take travelled with it: the assets were read from storage.
    const exportedHashes = new Set(exported.assets.map((a) => a.hash));
    const needed = fixture.assets.filter((a) => a.mimeType !== 'application/x-frameline-yjs-state');
    expect(needed.filter((a) => !exportedHashes.has(a.hash)).map((a) => a.hash)).toEqual([]);
  });

  test('shows its frames, OMITTED shots, review and saved version', async () => {
    const first = snapshot.shots[0]!;
    const omitted = snapshot.shots.filter((s) => s.omitted);
    await expect
      .poll(() =>
        board(first.number)
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    expect(await page.locator('.board.omitted').count()).toBe(omitted.length);

    await board(first.number).click();
    const comment = review.comments.find((c) => c.target.id === first.id)!;
    await expect
      .poll(() => page.locator('.comment-thread').first().textContent())
      .toContain(comment.body);
    const approval = (review.approvals as Record<string, { author: { name: string } }>)[first.id];
    if (approval) {
      await expect
        .poll(() => page.locator('.approval-by').textContent())
        .toContain(approval.author.name);
    }

    await page.getByRole('button', { name: 'History', exact: true }).click();
    for (const saved of versions) {
      await expect
        .poll(() => page.getByRole('list', { name: 'Versions' }).textContent())
        .toContain(saved.name);
      await page.getByRole('button', { name: `Preview version ${saved.name}` }).click();
      await page.getByRole('dialog', { name: `Version ${saved.name}` }).waitFor();
      await page.getByRole('button', { name: 'Hide preview' }).click();
    }
    await page.getByRole('button', { name: 'Hide history' }).click();
  });
});

test('a project saved by a newer build opens read-only and says why', async () => {
  const fixture = loadProjectFixture(projectFixtureVersions().at(-1)!);
  const doc = fixtureDoc(fixture);
  doc.getMap('meta').set('schemaVersion', PROJECT_SCHEMA_VERSION + 1);
  await storeInBrowser(rowsOf(fixture, 'from-the-future', Y.encodeStateAsUpdate(doc)));
  await openProject('from-the-future');
  await expect
    .poll(() =>
      page
        .getByRole('alert')
        .filter({ hasText: /newer version of Frameline/ })
        .count(),
    )
    .toBe(1);
  const first = fixture.expected.snapshot.shots[0]!;
  await board(first.number).click();
  // Every inspector control sits in one fieldset the read-only state disables.
  expect(await page.locator('.inspector-fields').getAttribute('disabled')).not.toBeNull();
  expect(await page.locator('.inspector-fields textarea').first().isDisabled()).toBe(true);
  expect(await page.getByLabel('Project title').getAttribute('readonly')).not.toBeNull();
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
