import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { projectCount, waitForServiceWorker } from '../helpers/pwa';

/**
 * No import without a person (issue 10). Another website can make the browser POST a form to the
 * app's /share-target, the way the share sheet does; before, the app imported the file with no
 * click. Now the service worker refuses what is not a share-sheet navigation (nothing is kept)
 * and everything that does arrive — shares, files opened with the app — is shown first and
 * imported only when the person accepts.
 */

const ARTIFACTS = 'tests/.artifacts/share';
const SCRIPT = 'Title: Forced Story\n\nINT. HALL - DAY\n\nA door opens.\n';

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let base: string;
let attacker: { server: Server; port: number };

/**
 * A page on another loopback port that, once opened, auto-submits a multipart form with a
 * screenplay file and text to the app's share target, hiding its referrer (so Origin is `null`).
 * `?window` submits it into a new window (`target=_blank`): Chromium then hands the service
 * worker no initiating client at all, exactly like the share sheet.
 */
async function startAttacker(target: string) {
  const page = (newWindow: boolean) => `<!doctype html><meta name="referrer" content="no-referrer">
<form id="f" method="POST" enctype="multipart/form-data" action="${target}share-target"${newWindow ? ' target="_blank"' : ''}>
<input type="file" name="files"><input type="hidden" name="text" value="${SCRIPT.replace(/\n/g, '&#10;')}">
</form>
<script>
const files = new DataTransfer();
files.items.add(new File([${JSON.stringify(SCRIPT)}], 'forced.fountain', { type: 'text/plain' }));
document.querySelector('input[type=file]').files = files.files;
document.getElementById('f').submit();
</script>`;
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(page(request.url?.includes('window') ?? false));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function inboxSize(target: Page): Promise<number> {
  return target.evaluate(
    async () => (await (await caches.open('frameline-share-inbox')).keys()).length,
  );
}

/** Submits a share from a page of the app itself (the browser's own share sheet cannot be driven). */
async function shareFromApp(target: Page, files: { name: string; text: string }[]) {
  await target.evaluate((items) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = '/share-target';
    form.enctype = 'multipart/form-data';
    const input = document.createElement('input');
    input.type = 'file';
    input.name = 'files';
    const list = new DataTransfer();
    for (const item of items) list.items.add(new File([item.text], item.name));
    input.files = list.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  }, files);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  base = inject('baseUrl');
  attacker = await startAttacker(base);
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(base);
  await waitForServiceWorker(page);
});

afterAll(async () => {
  await close();
  await new Promise((resolve) => attacker?.server.close(resolve));
});

test.each([
  ['another site', 'localhost'],
  ['another port of this host', '127.0.0.1'],
])('a form on %s posting to the share target imports nothing', async (_where, host) => {
  const victim = await context.newPage();
  const victimErrors = trackPageErrors(victim);
  await victim.goto(`http://${host}:${attacker.port}/`);
  // The form lands on the app either way; wait until the app has dealt with the launch.
  await victim.waitForURL((url) => url.origin === new URL(base).origin);
  await victim
    .getByText(/Nothing was imported|Imported/)
    .or(victim.getByRole('dialog'))
    .first()
    .waitFor();
  expect(await projectCount(victim)).toBe(0);
  expect(await inboxSize(victim)).toBe(0);
  expect(await victim.getByRole('dialog').count()).toBe(0);
  await victim.getByText('A website tried to send a file to Frameline').waitFor();
  await victim.close();
  expect(victimErrors).toEqual([]);
});

test('a form on another site posting into a new window imports nothing and asks nothing', async () => {
  const attackerPage = await context.newPage();
  const opened = context.waitForEvent('page');
  await attackerPage.goto(`http://localhost:${attacker.port}/?window`);
  const victim = await opened;
  const victimErrors = trackPageErrors(victim);
  await victim.waitForURL((url) => url.origin === new URL(base).origin);
  await victim
    .getByText(/Nothing was imported|Imported/)
    .or(victim.getByRole('dialog'))
    .first()
    .waitFor();
  expect(await projectCount(victim)).toBe(0);
  expect(await inboxSize(victim)).toBe(0);
  expect(await victim.getByRole('dialog').count()).toBe(0);
  await victim.getByText('A website tried to send a file to Frameline').waitFor();
  for (const scheme of ['light', 'dark'] as const) {
    await victim.emulateMedia({ colorScheme: scheme });
    await victim.screenshot({
      path: `${ARTIFACTS}/share-refused-${scheme}.png`,
      animations: 'disabled',
    });
  }
  await victim.close();
  await attackerPage.close();
  expect(victimErrors).toEqual([]);
});

test('a genuine share is shown first, and declining imports nothing', async () => {
  await shareFromApp(page, [{ name: 'declined.fountain', text: SCRIPT }]);
  const consent = page.getByRole('dialog', { name: 'Import what was shared with Frameline?' });
  await consent.waitFor();
  expect(await projectCount(page)).toBe(0);
  await consent.getByRole('button', { name: 'Don’t import' }).click();
  await consent.waitFor({ state: 'detached' });
  expect(await projectCount(page)).toBe(0);
  expect(await inboxSize(page)).toBe(0);
});

test('a genuine share says what it holds and what it will create, and imports on accept', async () => {
  await shareFromApp(page, [
    { name: 'shared.fountain', text: SCRIPT.replace('Forced', 'Shared') },
    { name: 'notes.docx', text: 'not a screenplay' },
  ]);
  const consent = page.getByRole('dialog', { name: 'Import what was shared with Frameline?' });
  await consent.waitFor();
  const items = consent.getByRole('list', { name: 'Items to import' }).getByRole('listitem');
  expect(await items.count()).toBe(2);
  const first = await items.nth(0).textContent();
  expect(first).toContain('shared.fountain');
  expect(first).toMatch(/Screenplay · \d+ B/);
  expect(first).toContain('A new project with the script’s scenes');
  expect(await items.nth(1).textContent()).toMatch(
    /notes\.docx.*Not a file Frameline opens.*left out/,
  );
  expect(await projectCount(page)).toBe(0);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `${ARTIFACTS}/share-consent-${scheme}.png`,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: null });

  await consent.getByRole('button', { name: 'Import', exact: true }).click();
  await expect
    .poll(() =>
      page
        .getByLabel('Project title')
        .inputValue()
        .catch(() => ''),
    )
    .toBe('Shared Story');
  expect(await projectCount(page)).toBe(1);
  expect(errors).toEqual([]);
});
