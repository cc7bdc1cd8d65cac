import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { findChromium } from '../tools/ensure-chromium.mjs';
import { CHROMIUM_ARGS } from '../helpers/browser';
import { noisePng, sha256Hex } from '../helpers/noisePng';
import { startSignalingServer, type SignalingServer } from '../helpers/signaling';

/**
 * Live collaboration with real WebRTC between separate Chromium contexts (TESTING.md): a local
 * signaling server on 127.0.0.1, loopback peer connections, each peer its own context (own
 * storage, no shared BroadcastChannel). Invite by link, edits both ways, a 1 MB frame fetched
 * from a peer and checked by hash, offline edits on both sides merged, per-person undo, a third
 * peer, review with signed comments and approvals, and a wrong secret that gets nothing.
 */

const ARTIFACTS = 'tests/.artifacts/collab';
const PEER_TIMEOUT_MS = 20_000;
/** Long enough for a peer with the right secret to have connected several times over. */
const WRONG_SECRET_WAIT_MS = 4_000;

let signaling: SignalingServer;
let baseUrl = '';
/** COLLAB_E2E_DIST serves a build of one's own (others may be rebuilding dist/ meanwhile). */
let ownServer: PreviewServer | null = null;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();

const FRAME = noisePng(640, 560, 7); // ~1.07 MB of incompressible pixels
const FRAME_HASH = sha256Hex(FRAME) as AssetHash;

async function peer(name: string): Promise<Page> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: { width: 1280, height: 820 },
  });
  contexts.push(context);
  const page = await context.newPage();
  const list: string[] = [];
  errors.set(name, list);
  page.on('pageerror', (error) => list.push(error.message));
  await page.goto(baseUrl);
  return page;
}

/** A project file with one large uploaded frame and two shots the app sketches itself. */
function projectFile(): Buffer {
  const sceneA = createScene({
    id: 'scene-a' as SceneId,
    number: '1',
    heading: 'INT. KITCHEN - NIGHT',
  });
  const sceneB = createScene({
    id: 'scene-b' as SceneId,
    number: '2',
    heading: 'EXT. ROOF - NIGHT',
  });
  const shots = [
    createShot({
      id: 'shot-big' as ShotId,
      sceneId: sceneA.id,
      number: '1',
      action: 'Anna waits by the window.',
      frameHash: FRAME_HASH,
      frameSource: 'upload',
    }),
    createShot({
      id: 'shot-two' as ShotId,
      sceneId: sceneA.id,
      number: '1A',
      action: 'Rain on the glass.',
    }),
    createShot({
      id: 'shot-three' as ShotId,
      sceneId: sceneB.id,
      number: '2',
      action: 'Ben lights a cigarette.',
    }),
  ];
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: {
        meta: createProjectMeta('Night Shift'),
        scenes: [sceneA, sceneB],
        shots,
        characters: [],
      },
      assets: [{ hash: FRAME_HASH, mimeType: 'image/png', data: FRAME.toString('base64') }],
    }),
  );
}

const boards = (page: Page) => page.getByRole('button', { name: /^Shot / });
const board = (page: Page, number: string) =>
  page.getByRole('button', { name: `Shot ${number}`, exact: true });
const snippetOf = (page: Page, number: string) =>
  page.locator('li', { has: board(page, number) }).locator('.board-snippet');

async function setName(page: Page, name: string) {
  const field = page.getByLabel('Your name');
  await field.fill(name);
  await field.blur();
}

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('dialog', { name: 'Share this project' }).waitFor();
}

async function closeShare(page: Page) {
  await page.getByRole('button', { name: 'Done', exact: true }).click();
}

async function join(page: Page, link: string, name: string) {
  await page.goto(link);
  await setName(page, name);
  await page.getByRole('button', { name: 'Join project' }).click();
}

/**
 * An inspector text field by its caption. (getByLabel would not do: a label wrapping a textarea
 * puts the textarea's text into its accessible name.)
 */
function field(page: Page, caption: 'Action' | 'Notes') {
  return page
    .locator('.inspector label.field')
    .filter({ has: page.locator('span', { hasText: new RegExp(`^${caption}$`) }) })
    .locator('textarea');
}

async function editAction(page: Page, number: string, text: string) {
  await board(page, number).click();
  await field(page, 'Action').fill(text);
}

/** SHA-256 and size of an asset in this page's IndexedDB, or null when it is not there. */
function storedAsset(page: Page, hash: string) {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('frameline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const row = await new Promise<{ blob: Blob } | undefined>((resolve, reject) => {
      const get = db.transaction('assets').objectStore('assets').get(key);
      get.onsuccess = () => resolve(get.result as { blob: Blob } | undefined);
      get.onerror = () => reject(get.error);
    });
    db.close();
    if (!row) return null;
    const bytes = await row.blob.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return {
      hash: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
      size: bytes.byteLength,
    };
  }, hash);
}

let anna: Page;
let ben: Page;
let invite = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  baseUrl = inject('baseUrl');
  const dist = process.env.COLLAB_E2E_DIST;
  if (dist) {
    ownServer = await preview({
      build: { outDir: dist },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
      logLevel: 'warn',
    });
    const address = ownServer.httpServer.address();
    if (address && typeof address !== 'string') baseUrl = `http://127.0.0.1:${address.port}/`;
  }
  signaling = await startSignalingServer();
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('Chromium not found: run `node tests/tools/ensure-chromium.mjs`');
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--allow-loopback-in-peer-connection'],
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await signaling?.close();
  await ownServer?.close();
});

test('sharing makes an invite link that carries the room, the secret and the signaling server in the fragment', async () => {
  anna = await peer('anna');
  await anna
    .getByLabel('Project file')
    .setInputFiles({ name: 'night.json', mimeType: 'application/json', buffer: projectFile() });
  await expect.poll(() => boards(anna).count(), { timeout: 15_000 }).toBe(3);
  await openShare(anna);
  await setName(anna, 'Anna');
  await anna.getByText('Connection settings', { exact: true }).click();
  await anna.getByLabel('Signaling servers (one per line)').fill(signaling.url);
  await anna.getByRole('button', { name: 'Save connection settings' }).click();
  await anna.locator('.connection-settings').getByText('Saved', { exact: true }).waitFor();
  await anna.getByRole('button', { name: 'Start sharing' }).click();
  invite = await anna.getByLabel('Invite link').inputValue();
  const url = new URL(invite);
  expect(url.search).toBe('');
  expect(url.hash).toMatch(/^#\/join\/[\w-]{22}\/[\w-]{43}\?signal=/);
  expect(decodeURIComponent(url.hash)).toContain(signaling.url);
  await anna.getByText(/Anyone with this link can open, edit and delete/).waitFor();
  await closeShare(anna);
});

test('typing in the share dialog stays where it is while the project view re-renders', async () => {
  await openShare(anna);
  const name = anna.getByLabel('Your name');
  await name.fill('Anna B');
  await anna.getByText('Connection settings', { exact: true }).click();
  const ice = anna.getByLabel(/STUN \/ TURN servers/);
  // Focusing the field saves the name (on blur), which re-renders the toolbar that owns the dialog.
  await ice.focus();
  await expect.poll(() => anna.locator('.profile-fields .avatar').textContent()).toBe('AB');
  await anna.keyboard.type('stun:127.0.0.1:3478');
  expect(await ice.inputValue()).toBe('stun:127.0.0.1:3478');
  expect(await name.inputValue()).toBe('Anna B');
  await ice.fill('');
  await setName(anna, 'Anna');
  await closeShare(anna);
});

test('a second browser joins by the link, gets the project, and the 1 MB frame arrives intact', async () => {
  ben = await peer('ben');
  await join(ben, invite, 'Ben');
  await expect.poll(() => boards(ben).count(), { timeout: PEER_TIMEOUT_MS }).toBe(3);
  await expect.poll(() => ben.getByLabel('Project title').inputValue()).toBe('Night Shift');
  await expect
    .poll(() => storedAsset(ben, FRAME_HASH), { timeout: PEER_TIMEOUT_MS })
    .toEqual({ hash: FRAME_HASH, size: FRAME.length });
  expect(FRAME.length).toBeGreaterThan(1_000_000);
  await expect.poll(() => board(ben, '1').locator('img').count(), { timeout: 10_000 }).toBe(1);
  // Frames Anna's browser sketched arrive too (Ben's browser has no reason to draw them).
  await expect.poll(() => ben.locator('.board img').count(), { timeout: PEER_TIMEOUT_MS }).toBe(3);
});

test('edits travel both ways', async () => {
  await editAction(anna, '1A', 'Rain runs down the glass, harder now.');
  await expect
    .poll(() => snippetOf(ben, '1A').textContent(), { timeout: 5_000 })
    .toBe('Rain runs down the glass, harder now.');
  await editAction(ben, '2', 'Ben flicks the cigarette away.');
  await expect
    .poll(() => snippetOf(anna, '2').textContent(), { timeout: 5_000 })
    .toBe('Ben flicks the cigarette away.');
});

test('presence: who is here, on which shot, their cursor and a ring on the board they selected', async () => {
  await board(ben, '2').click();
  await expect.poll(() => anna.locator('.board-presence').getAttribute('data-peers')).toBe('Ben');
  const ringed = anna.locator('.board:has(.board-presence)');
  expect(await ringed.getAttribute('aria-label')).toBe('Shot 2');
  await expect
    .poll(() => anna.getByRole('list', { name: 'People here' }).textContent())
    .toContain('Ben · on shot 2');
  const box = (await board(ben, '1A').boundingBox())!;
  await ben.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
  const cursor = anna.locator('.peer-cursor[data-peer="Ben"]');
  await cursor.waitFor({ timeout: 5_000 });
  const target = (await board(anna, '1A').boundingBox())!;
  await expect
    .poll(async () => {
      const at = (await cursor.boundingBox())!;
      return (
        Math.abs(at.x - (target.x + target.width * 0.25)) < 3 &&
        Math.abs(at.y - (target.y + target.height * 0.5)) < 3
      );
    })
    .toBe(true);
});

test('review: a signed comment with an @mention, a reply, an approval, unread markers', async () => {
  await board(anna, '1').click();
  await anna.getByLabel('Comment on this shot').fill('Hold longer on the window, @Ben');
  await anna.getByRole('button', { name: 'Post comment' }).click();
  await expect
    .poll(() => ben.getByRole('button', { name: /^Review/ }).textContent())
    .toContain('1 unread');
  await ben.getByRole('button', { name: /^Review/ }).click();
  const item = ben.getByRole('button', { name: /Open thread: Hold longer on the window/ });
  await expect.poll(() => item.textContent()).toContain('@you');
  await item.click();
  const thread = ben.locator('.comment-thread').first();
  await expect.poll(() => thread.textContent()).toContain('✓ Signed');
  expect(await thread.locator('.mention').textContent()).toBe('@Ben');
  await ben.getByRole('button', { name: 'Hide review' }).click();
  await expect
    .poll(() => ben.getByRole('button', { name: /^Review/ }).textContent())
    .toBe('Review');
  await thread.getByLabel('Reply').fill('Agreed — two more seconds.');
  await thread.getByRole('button', { name: 'Post reply' }).click();
  await ben.getByRole('radio', { name: 'Approved' }).check();
  await expect
    .poll(() => anna.locator('.approval-by').textContent())
    .toMatch(/Approved by Ben .*✓ Signed/);
  await expect
    .poll(() => anna.locator('.comment-thread').first().textContent())
    .toContain('Agreed — two more seconds.');
  await anna.getByRole('button', { name: 'Resolve thread' }).click();
  await expect.poll(() => ben.getByRole('button', { name: 'Show 1 resolved' }).count()).toBe(1);
  await ben.getByRole('button', { name: 'Show 1 resolved' }).click();
  await ben.getByRole('button', { name: 'Reopen thread' }).click();
  await expect.poll(() => anna.getByRole('button', { name: 'Resolve thread' }).count()).toBe(1);
});

test('tabs of one browser sync with each other directly', async () => {
  const second = await anna.context().newPage();
  await second.goto(anna.url());
  await expect.poll(() => boards(second).count(), { timeout: PEER_TIMEOUT_MS }).toBe(3);
  await editAction(second, '1A', 'Typed in a second tab.');
  await expect.poll(() => snippetOf(anna, '1A').textContent()).toBe('Typed in a second tab.');
  await expect.poll(() => snippetOf(ben, '1A').textContent()).toBe('Typed in a second tab.');
  await editAction(anna, '1A', 'Rain runs down the glass, harder now.');
  await expect
    .poll(() => snippetOf(second, '1A').textContent())
    .toBe('Rain runs down the glass, harder now.');
  await second.close();
});

test('offline on one side, edits on both, back online: both edits survive', async () => {
  await openShare(ben);
  await ben.getByRole('button', { name: 'Go offline' }).click();
  await closeShare(ben);
  // Leaving says goodbye at once: nobody waits out the 30 s presence timeout.
  await expect
    .poll(() => anna.getByRole('list', { name: 'People here' }).textContent(), { timeout: 3_000 })
    .not.toContain('Ben');
  await editAction(anna, '1', 'Anna waits. (edited while Ben was away)');
  await editAction(ben, '2', 'Ben sits on the ledge. (edited offline)');
  await anna.waitForTimeout(1_500);
  expect(await snippetOf(ben, '1').textContent()).toBe('Anna waits by the window.');
  expect(await snippetOf(anna, '2').textContent()).toBe('Ben flicks the cigarette away.');
  await openShare(ben);
  await ben.getByRole('button', { name: 'Go online' }).click();
  await closeShare(ben);
  for (const page of [anna, ben]) {
    await expect
      .poll(() => snippetOf(page, '1').textContent(), { timeout: PEER_TIMEOUT_MS })
      .toBe('Anna waits. (edited while Ben was away)');
    await expect
      .poll(() => snippetOf(page, '2').textContent(), { timeout: PEER_TIMEOUT_MS })
      .toBe('Ben sits on the ledge. (edited offline)');
  }
});

test("undo is per person: Anna's undo takes back her edit and leaves Ben's", async () => {
  await board(anna, '1A').click();
  await board(ben, '1A').click();
  await field(anna, 'Action').fill('Anna typed this.');
  await expect.poll(() => snippetOf(ben, '1A').textContent()).toBe('Anna typed this.');
  await field(ben, 'Notes').fill('Ben noted this.');
  await expect.poll(() => field(anna, 'Notes').inputValue()).toBe('Ben noted this.');
  await anna.getByRole('button', { name: 'Undo', exact: true }).click();
  for (const page of [anna, ben]) {
    await expect
      .poll(() => snippetOf(page, '1A').textContent())
      .toBe('Rain runs down the glass, harder now.');
    await expect.poll(() => field(page, 'Notes').inputValue()).toBe('Ben noted this.');
  }
});

test('a third browser joins, and an edit in any one reaches the other two', async () => {
  const cleo = await peer('cleo');
  await join(cleo, invite, 'Cleo');
  await expect.poll(() => boards(cleo).count(), { timeout: PEER_TIMEOUT_MS }).toBe(3);
  await editAction(cleo, '2', 'Cleo was here.');
  for (const page of [anna, ben]) {
    await expect
      .poll(() => snippetOf(page, '2').textContent(), { timeout: 5_000 })
      .toBe('Cleo was here.');
  }
  await expect
    .poll(() => anna.getByRole('list', { name: 'People here' }).locator('li').count())
    .toBe(3);
});

test('a browser with the right room but a wrong secret receives nothing', async () => {
  const mallory = await peer('mallory');
  const wrong = invite.replace(
    /(#\/join\/[\w-]+\/)([\w-]+)/,
    (_m, head: string, secret: string) => head + [...secret].reverse().join(''),
  );
  expect(wrong).not.toBe(invite);
  await join(mallory, wrong, 'Mallory');
  await mallory.locator('.joining-notice').waitFor();
  await mallory.waitForTimeout(WRONG_SECRET_WAIT_MS);
  expect(await boards(mallory).count()).toBe(0);
  expect(await mallory.getByLabel('Project title').inputValue()).toBe('');
  expect(await anna.getByRole('list', { name: 'People here' }).textContent()).not.toContain(
    'Mallory',
  );
});

test('history: a named version, previewed read-only, restored for everyone, undone by whoever restored it', async () => {
  await anna.getByRole('button', { name: 'History', exact: true }).click();
  await anna.getByLabel('Version name').fill('Before the rewrite');
  await anna.getByRole('button', { name: 'Save version' }).click();
  await ben.getByRole('button', { name: 'History', exact: true }).click();
  await expect
    .poll(() => ben.getByRole('list', { name: 'Versions' }).textContent())
    .toContain('Before the rewrite');
  await ben.getByRole('button', { name: 'Hide history' }).click();

  // The open drawer makes the inspector behind it inert: close it to edit, reopen it to preview.
  await anna.getByRole('button', { name: 'Hide history' }).click();
  await editAction(anna, '2', 'Rewritten.');
  await expect.poll(() => snippetOf(ben, '2').textContent()).toBe('Rewritten.');
  await anna.getByRole('button', { name: 'History', exact: true }).click();
  await anna.getByRole('button', { name: 'Preview version Before the rewrite' }).click();
  const preview = anna.getByRole('dialog', { name: 'Version Before the rewrite' });
  await expect
    .poll(() => preview.locator('[data-preview-shot="2"] .board-snippet').textContent())
    .toBe('Cleo was here.');
  await preview.getByRole('button', { name: 'Hide preview' }).click();

  await anna.getByRole('button', { name: 'Restore version Before the rewrite' }).click();
  for (const page of [anna, ben]) {
    await expect.poll(() => snippetOf(page, '2').textContent()).toBe('Cleo was here.');
  }
  await expect
    .poll(() => anna.getByRole('list', { name: 'Versions' }).textContent())
    .toContain('Before restoring “Before the rewrite”');
  await anna.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  for (const page of [anna, ben]) {
    await expect.poll(() => snippetOf(page, '2').textContent()).toBe('Rewritten.');
  }
});

test('an alternate cut is a copy to switch to and back from', async () => {
  await anna.getByRole('button', { name: 'Make alternate cut' }).click();
  await expect
    .poll(() => anna.getByLabel('Project title').inputValue())
    .toBe('Night Shift — alternate cut');
  await expect.poll(() => boards(anna).count()).toBe(3);
  const cut = anna.getByLabel('Cut', { exact: true });
  await expect
    .poll(() => cut.locator('option').allTextContents())
    .toEqual(['Original: Night Shift', 'Night Shift — alternate cut']);
  await editAction(anna, '2', 'Only in the alternate cut.');
  await cut.selectOption({ label: 'Original: Night Shift' });
  await expect.poll(() => anna.getByLabel('Project title').inputValue()).toBe('Night Shift');
  await expect.poll(() => snippetOf(anna, '2').textContent()).toBe('Rewritten.');
  expect(await snippetOf(ben, '2').textContent()).toBe('Rewritten.');
});

test('leaving the room keeps the local copy', async () => {
  const cleo = contexts[2]!.pages()[0]!;
  await openShare(cleo);
  await cleo.getByRole('button', { name: 'Leave room' }).click();
  await cleo.getByRole('button', { name: 'Start sharing' }).waitFor();
  await closeShare(cleo);
  await expect
    .poll(() => anna.getByRole('list', { name: 'People here' }).textContent())
    .not.toContain('Cleo');
  await editAction(anna, '1', 'Cleo has left.');
  await cleo.waitForTimeout(1_000);
  expect(await boards(cleo).count()).toBe(3);
  expect(await snippetOf(cleo, '1').textContent()).not.toBe('Cleo has left.');
});

test('after all that, every board on every peer shows its frame', async () => {
  // Frames redrawn after edits are named in the document before their bytes are here; each
  // peer draws them or fetches them, and the placeholder gives way either way.
  for (const page of [anna, ben]) {
    await expect
      .poll(() => page.locator('.board img').count(), { timeout: PEER_TIMEOUT_MS })
      .toBe(3);
  }
});

test('screenshots: two peers side by side', async () => {
  await board(ben, '1').click();
  const box = (await board(ben, '1A').boundingBox())!;
  await ben.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3);
  const other = (await board(anna, '2').boundingBox())!;
  await anna.mouse.move(other.x + other.width * 0.4, other.y + other.height * 0.4);
  await anna.waitForTimeout(400);
  const shots = await Promise.all([anna.screenshot(), ben.screenshot()]);
  const canvas = await contexts[0]!.newPage();
  await canvas.setViewportSize({ width: 2580, height: 840 });
  await canvas.setContent(
    `<body style="margin:0;display:flex;gap:20px;background:#888">${shots
      .map((png) => `<img src="data:image/png;base64,${png.toString('base64')}">`)
      .join('')}</body>`,
  );
  await canvas.screenshot({ path: `${ARTIFACTS}/two-peers.png` });
  // The review beside the boards: Anna's comment, Ben's reply and approval, both signed.
  for (const page of [anna, ben]) {
    await board(page, '1').click();
    await page.locator('.shot-review').scrollIntoViewIfNeeded();
  }
  const review = await Promise.all([anna.screenshot(), ben.screenshot()]);
  await canvas.setContent(
    `<body style="margin:0;display:flex;gap:20px;background:#888">${review
      .map((png) => `<img src="data:image/png;base64,${png.toString('base64')}">`)
      .join('')}</body>`,
  );
  await canvas.screenshot({ path: `${ARTIFACTS}/two-peers-review.png` });
  await canvas.close();
  for (const [name, list] of errors) expect(list, `${name}: page errors`).toEqual([]);
});
