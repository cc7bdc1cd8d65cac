import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, test } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { scaleProject } from '../helpers/scaleProject';
import {
  firstBoardMs,
  installFirstBoardProbe,
  installKeystrokeProbe,
  keystrokeFloor,
  keystrokeTimes,
  median,
  openSteps,
  percentile,
  scrollFrameTimes,
  storeProject,
} from './scaleProbe';

/**
 * Scale benchmark: a 1,000-shot and a 5,000-shot project (tests/helpers/scaleProject.ts, written
 * straight into the app's IndexedDB) in Chromium against the production build, at 1440 × 900:
 *
 * - open: from navigating to the project until the first board is painted (median of
 *   OPEN_RUNS page loads; the first is the coldest), and where it went, step by step, from the
 *   marks store/openMarks.ts leaves on the page's timeline;
 * - keystroke: typing in the selected shot's Action field, from each key's `keydown` to the end
 *   of the frame that shows it (p50/p95), with the main-thread work alone beside it (the wait for
 *   the next display refresh left out; see scaleProbe.ts), and the same keys in a bare textarea
 *   (the browser's own floor on this machine, printed first);
 * - scroll: the board grid scrolled by SCROLL_PX_PER_FRAME every frame, as a steady fling, and
 *   the time between frames (fps = frames / time);
 * - memory: the JS heap after a garbage collection, and DOM nodes and boards in the page.
 *
 * Figures are printed, never asserted (TESTING.md). The build served is dist/ (or
 * SCALE_BENCH_DIST): `npm run bench:scale` builds it first. The last line reads
 * `scale open_1000_ms=<a> open_5000_ms=<b> key_p95_ms_5000=<c> scroll_fps_5000=<d>`.
 */
const SIZES = [1000, 5000] as const;
const OPEN_RUNS = 3;
const TYPED = 'The rain has stopped and the street is quiet again now.';
/** About ten keys a second, a quick typist's pace. */
const KEY_DELAY_MS = 100;
const SCROLL_FRAMES = 300;
const SCROLL_PX_PER_FRAME = 30;
const VIEWPORT = { width: 1440, height: 900 };

let server: PreviewServer;
let browser: Browser;
let baseUrl = '';

beforeAll(async () => {
  server = await preview({
    build: { outDir: process.env.SCALE_BENCH_DIST ?? 'dist' },
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

interface Figures {
  readonly shots: number;
  readonly openMs: readonly number[];
  /** Per open, where its time went (scaleProbe.ts openSteps). */
  readonly openSteps: readonly Map<string, number>[];
  readonly keyWallMs: readonly number[];
  readonly keyWorkMs: readonly number[];
  readonly frameMs: readonly number[];
  readonly heapMb: number;
  readonly domNodes: number;
  readonly boardsInDom: number;
}

async function openProject(
  context: BrowserContext,
  id: string,
): Promise<[Page, number, Map<string, number>]> {
  const page = await context.newPage();
  await installFirstBoardProbe(page);
  await page.goto(`${baseUrl}#/project/${id}`);
  const ms = await firstBoardMs(page);
  return [page, ms, await openSteps(page, ms)];
}

/** The inspector's Action field (getByLabel would also match its text). */
function actionField(page: Page) {
  return page
    .locator('.inspector label.field')
    .filter({ has: page.locator('span', { hasText: /^Action$/ }) })
    .locator('textarea');
}

async function measure(shots: number): Promise<Figures> {
  const project = scaleProject(shots);
  const context = await browser.newContext({ viewport: VIEWPORT });
  const seeder = await context.newPage();
  await seeder.goto(baseUrl);
  await seeder.getByRole('heading', { name: 'Projects' }).waitFor();
  await storeProject(seeder, project);
  await seeder.close();

  const openMs: number[] = [];
  const steps: Map<string, number>[] = [];
  let page: Page | null = null;
  for (let run = 0; run < OPEN_RUNS; run++) {
    await page?.close();
    const [opened, ms, spans] = await openProject(context, project.id);
    page = opened;
    openMs.push(ms);
    steps.push(spans);
  }
  if (!page) throw new Error('no page');

  // Select a board, then type into its Action field.
  await page.locator('.board').first().click();
  const action = actionField(page);
  await action.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(1000);
  await installKeystrokeProbe(page);
  await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(1000);
  const keys = await keystrokeTimes(page);

  await page.locator('.boards-pane').evaluate((pane) => (pane.scrollTop = 0));
  await page.waitForTimeout(1000);
  const frameMs = await scrollFrameTimes(page, '.boards-pane', SCROLL_FRAMES, SCROLL_PX_PER_FRAME);

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const boardsInDom = await page.locator('.board').count();
  await context.close();
  return {
    shots,
    openMs,
    openSteps: steps,
    keyWallMs: keys.map((k) => k.wallMs),
    keyWorkMs: keys.map((k) => k.workMs),
    frameMs,
    heapMb: metric('JSHeapUsedSize') / 1024 / 1024,
    domNodes: metric('Nodes'),
    boardsInDom,
  };
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);

function fps(frameMs: readonly number[]): number {
  const total = frameMs.reduce((sum, ms) => sum + ms, 0);
  return total > 0 ? (frameMs.length * 1000) / total : Number.NaN;
}

/** Each open step's median over the runs: `name 120 ms, …` (empty for a build without marks). */
function stepsLine(runs: readonly Map<string, number>[]): string {
  const names = runs[0] ? [...runs[0].keys()] : [];
  return names
    .map((name) => `${name} ${fixed(median(runs.map((run) => run.get(name) ?? Number.NaN)))}`)
    .join(', ');
}

function report(f: Figures): void {
  const steps = stepsLine(f.openSteps);
  const longFrames = f.frameMs.filter((ms) => ms > 1000 / 50).length;
  console.log(
    [
      `${f.shots} shots:`,
      `  open to first board ${fixed(median(f.openMs))} ms (runs: ${f.openMs.map((ms) => fixed(ms)).join(', ')})`,
      ...(steps ? [`  open steps, ms (median): ${steps}`] : []),
      `  keystroke to paint p50 ${fixed(median(f.keyWallMs), 1)} ms, p95 ${fixed(percentile(f.keyWallMs, 95), 1)} ms, max ${fixed(Math.max(...f.keyWallMs), 1)} ms (${f.keyWallMs.length} keys)`,
      `  keystroke main-thread work p50 ${fixed(median(f.keyWorkMs), 1)} ms, p95 ${fixed(percentile(f.keyWorkMs, 95), 1)} ms`,
      `  grid scroll ${fixed(fps(f.frameMs), 1)} fps; frame p50 ${fixed(median(f.frameMs), 1)} ms, p95 ${fixed(percentile(f.frameMs, 95), 1)} ms, max ${fixed(Math.max(...f.frameMs), 1)} ms, ${longFrames} of ${f.frameMs.length} frames over 20 ms`,
      `  memory: JS heap ${fixed(f.heapMb, 1)} MB, ${f.domNodes} DOM nodes, ${f.boardsInDom} boards in the DOM`,
    ].join('\n'),
  );
}

test('scale benchmark', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const floor = await keystrokeFloor(await context.newPage(), TYPED, KEY_DELAY_MS);
  await context.close();
  const wall = floor.map((k) => k.wallMs);
  console.log(
    `bare textarea (the probe's floor): keystroke to paint p50 ${fixed(median(wall), 1)} ms, p95 ${fixed(percentile(wall, 95), 1)} ms`,
  );
  const figures: Figures[] = [];
  for (const shots of SIZES) {
    const f = await measure(shots);
    report(f);
    figures.push(f);
  }
  const [small, big] = figures as [Figures, Figures];
  console.log(
    `scale open_1000_ms=${fixed(median(small.openMs))} open_5000_ms=${fixed(median(big.openMs))} ` +
      `key_p95_ms_5000=${fixed(percentile(big.keyWallMs, 95), 1)} scroll_fps_5000=${fixed(fps(big.frameMs), 1)}`,
  );
}, 3_600_000);
