import { statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, test } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { tempDir } from '../helpers/pdfProject';
import { scaleProject } from '../helpers/scaleProject';
import { sketchLikePng } from '../helpers/sketchLikePng';
import { storeProject } from './scaleProbe';

/**
 * PDF boards benchmark: 100 boards with 1280 × 720 PNG frames (as the offline sketches make
 * them, tests/helpers/sketchLikePng.ts), 6 per page with a cover, exported through the Export
 * PDF dialog in Chromium against the production build. Timed from the click on Export PDF until
 * the file is downloaded: reading the frames, starting the worker, fetching the fonts, laying
 * out, embedding and writing. RUNS runs in fresh pages; the median is reported (the first run
 * fetches the fonts into the HTTP cache). Printed, never asserted (TESTING.md). The last line
 * reads `pdf boards_100_ms=<a> mb=<b>`.
 */
const BOARDS = 100;
const RUNS = 3;

let server: PreviewServer;
let browser: Browser;
let baseUrl = '';

beforeAll(async () => {
  server = await preview({
    build: { outDir: process.env.PDF_BENCH_DIST ?? 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  baseUrl = `http://127.0.0.1:${address.port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

test('PDF boards: 100 boards, 6 per page, with frames', async () => {
  const project = scaleProject(BOARDS, 1, (i) => sketchLikePng(i + 1));
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const seeder = await context.newPage();
  await seeder.goto(baseUrl);
  await seeder.getByRole('heading', { name: 'Projects' }).waitFor();
  await storeProject(seeder, project);
  await seeder.close();

  const dir = tempDir('frameline-pdf-bench-');
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/project/${project.id}`);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export PDF' });
    await dialog.getByLabel('Layout').selectOption('6');
    const download = page.waitForEvent('download', { timeout: 300_000 });
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Export PDF' }).click();
    const file = join(dir, `run-${run}.pdf`);
    const downloaded = await download;
    times.push(Date.now() - started);
    await downloaded.saveAs(file);
    bytes = statSync(file).size;
    const pages = Number(
      /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
    );
    console.log(
      `run ${run + 1}: ${times.at(-1)} ms, ${pages} pages, ${(bytes / 1e6).toFixed(2)} MB`,
    );
    await page.close();
  }
  await context.close();
  console.log(`pdf boards_${BOARDS}_ms=${median(times)} mb=${(bytes / 1e6).toFixed(2)}`);
});
