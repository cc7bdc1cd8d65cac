import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/**
 * Webhooks: set up in Settings, sent when this person approves a shot or comments, retried when
 * the receiver fails, listed under Usage. The receiver is a server on 127.0.0.1 started here; it
 * answers the first POST with 500.
 */

const SCRIPT = `INT. KITCHEN - NIGHT

Anna waits by the window. Rain streaks the glass.
`;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let receiver: Server;
let hookUrl = '';
const received: { event: string; body: Record<string, unknown>; raw: string }[] = [];
let posts = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    // The app is another origin: the receiver allows it, as a real webhook receiver for a
    // browser app must.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      posts += 1;
      if (posts === 1) return void res.writeHead(500).end();
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ event: String(body.event), body, raw });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
  await new Promise((resolve) => receiver.close(resolve));
});

test('a webhook set up in Settings is saved, and a bad address is refused with its reason', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const address = page.getByLabel('Webhook 1 address');
  await address.fill('http://hooks.example/x');
  await page.getByRole('button', { name: 'Save webhooks' }).click();
  await expect
    .poll(() => page.getByRole('alert').filter({ hasText: 'Webhook 1' }).textContent())
    .toContain('must start with https://');
  await address.fill(hookUrl);
  await page.getByRole('button', { name: 'Save webhooks' }).click();
  await expect.poll(() => page.getByText('Webhooks saved.').count()).toBe(1);
  await page.getByText('Webhooks saved.').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/.artifacts/webhooks-settings.png' });
  await page.getByRole('button', { name: 'Done' }).click();
});

test('approving a shot and commenting reach the receiver, the failed first try retried', async () => {
  await page.getByLabel('Screenplay file').setInputFiles({
    name: 'kitchen.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(SCRIPT),
  });
  await page.getByRole('button', { name: /^Shot 1$/ }).click();
  await page.getByRole('radio', { name: 'Approved' }).check();
  await page.getByLabel('Comment on this shot').fill('Lovely rain.');
  await page.getByRole('button', { name: 'Post comment' }).click();

  await expect
    .poll(() => received.map((r) => r.event).sort(), { timeout: 30_000 })
    .toEqual(['comment.added', 'shot.approved']);
  const approved = received.find((r) => r.event === 'shot.approved')!.body;
  expect(approved).toMatchObject({
    type: 'frameline.webhook/1',
    project: { title: 'kitchen' },
    data: { shotNumber: '1' },
  });
  const comment = received.find((r) => r.event === 'comment.added')!.body;
  expect(comment).toMatchObject({ data: { shotNumber: '1', text: 'Lovely rain.' } });
  // Names and numbers only: no picture, no key.
  for (const { raw } of received) {
    expect(raw).not.toMatch(/data:image|frameHash|sk-|apiKey/i);
    expect(raw.length).toBeLessThan(1000);
  }

  await page.getByRole('button', { name: 'Usage' }).click();
  const table = page.getByRole('region', { name: 'Webhook deliveries' });
  await expect.poll(() => table.getByRole('row').count()).toBe(3);
  const rows = await table.getByRole('row').allTextContents();
  expect(rows.filter((r) => r.includes('Delivered'))).toHaveLength(2);
  // One of them was answered 500 first and delivered on its second attempt (Status, Attempts).
  const cells = await table
    .getByRole('row')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
  expect(
    cells.filter(([, status, attempts]) => status === 'Delivered' && attempts === '2'),
  ).toHaveLength(1);
  await page.screenshot({ path: 'tests/.artifacts/webhooks-usage.png' });
  await page.getByRole('button', { name: 'Done' }).click();
  expect(errors).toEqual([]);
});
