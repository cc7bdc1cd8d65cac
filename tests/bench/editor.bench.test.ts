import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, test } from 'vitest';
import type { SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { launchChromium } from '../helpers/browser';
import { median, percentile } from './scaleProbe';

/**
 * Frame editor benchmark, in Chromium against the production build, the window 1920 × 1080 so
 * the canvas is a 1080p one, six layers each holding strokes already:
 *
 * - stroke: one 1,000-point pen stroke, one pointer event per animation frame (as a pen at the
 *   display's rate), and for each event the time from dispatching it to the end of the frame
 *   that shows it (what the person sees: includes the browser compositing the frame and
 *   waiting for the display); beside it, the handler's own time (the editor paints the stroke
 *   in the event handler);
 * - floor: the same frames with no editor: as many canvases as the editor displays, each
 *   holding some pixels as the editor's layers do, a short line drawn on the top one per frame.
 *   Without a GPU, Chromium composites every displayed canvas that holds pixels on each frame,
 *   so this is as fast as a frame of those canvases can be; the ratio to it is the figure to
 *   compare between runs on a loaded machine;
 * - save: from pressing Save frame to the drawn take being the shot's frame (flatten at
 *   1920 × 1080, PNG, stored, command run).
 *
 * Printed, never asserted. The last line reads `editor stroke_p95_ms=<a> save_ms=<b>`: a is the
 * p95 from pointer event to the end of the frame showing it.
 */
const STROKE_POINTS = 1000;
const STROKES_PER_LAYER = 8;
const VIEWPORT = { width: 1920, height: 1080 };

let server: PreviewServer;
let browser: Browser;
let baseUrl = '';

beforeAll(async () => {
  server = await preview({
    build: { outDir: process.env.EDITOR_BENCH_DIST ?? 'dist' },
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

function projectFile(): Buffer {
  const scene = createScene({ id: 'scene-1' as SceneId, number: '1', heading: 'INT. STUDIO' });
  const shot = createShot({ id: 'shot-1' as ShotId, sceneId: scene.id, number: '1' });
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: {
        meta: createProjectMeta('Bench'),
        scenes: [scene],
        shots: [shot],
        characters: [],
      },
      assets: [],
    }),
  );
}

/**
 * Dispatches a pen stroke of `points` moves on the stage: synchronously (setup), or one move per
 * animation frame, timing each (the benchmark).
 */
function penStroke(page: Page, points: number, seed: number, timed: boolean) {
  return page.evaluate(
    async ({ points, seed, timed }) => {
      const stage = document.querySelector('[data-testid="editor-stage"]');
      if (!stage) throw new Error('no stage');
      const box = stage.getBoundingClientRect();
      const at = (i: number) => {
        const t = i / points;
        return {
          x: box.left + box.width * (0.15 + 0.7 * t),
          y: box.top + box.height * (0.5 + 0.3 * Math.sin(t * 12 + seed)),
        };
      };
      const send = (type: string, i: number) => {
        const { x, y } = at(i);
        stage.dispatchEvent(
          new PointerEvent(type, {
            bubbles: true,
            pointerId: 9,
            pointerType: 'pen',
            isPrimary: true,
            clientX: x,
            clientY: y,
            pressure: 0.3 + 0.6 * Math.abs(Math.sin(i / 40)),
            buttons: type === 'pointerup' ? 0 : 1,
          }),
        );
      };
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const paint: number[] = [];
      const toFrame: number[] = [];
      // The canvases displayed mid-stroke (a layer with nothing to show is display: none).
      let canvases = 0;
      send('pointerdown', 0);
      for (let i = 1; i <= points; i++) {
        if (!timed) {
          send('pointermove', i);
          continue;
        }
        await frame();
        const start = performance.now();
        send('pointermove', i);
        paint.push(performance.now() - start);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        toFrame.push(performance.now() - start);
        if (i === points >> 1) {
          canvases = [...stage.querySelectorAll('canvas')].filter(
            (canvas) => getComputedStyle(canvas).display !== 'none',
          ).length;
        }
      }
      send('pointerup', points);
      return { paint, toFrame, canvases };
    },
    { points, seed, timed },
  );
}

/**
 * The browser's own floor for the same frames: as many canvases as the editor displays, stacked
 * at its size, each holding a few pixels (an empty canvas is never composited, a layer with
 * strokes is), a short line drawn on the top one per pointer event. Headless Chromium without a
 * GPU composites every such canvas in software each frame; the editor's "end of frame" figure
 * cannot go below this, whatever the editor does.
 */
function canvasFloor(page: Page, size: { width: number; height: number }, canvases: number) {
  return page.evaluate(
    async ({ size, canvases, points }) => {
      document.body.style.margin = '0';
      const ratio = window.devicePixelRatio;
      const stack: HTMLCanvasElement[] = [];
      for (let i = 0; i < canvases; i++) {
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(size.width * ratio);
        canvas.height = Math.round(size.height * ratio);
        canvas.style.cssText = `position:absolute;left:0;top:0;width:${size.width}px;height:${size.height}px`;
        document.body.append(canvas);
        stack.push(canvas);
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = 'rgba(0, 0, 0, 0.2)';
        ctx.fillRect(20 + i * 10, 20, 40, 40);
      }
      const top = stack[stack.length - 1]!.getContext('2d')!;
      top.lineWidth = 3;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const toFrame: number[] = [];
      let x = 0;
      for (let i = 1; i <= points; i++) {
        await frame();
        const start = performance.now();
        top.beginPath();
        top.moveTo(x, size.height / 2 + Math.sin(i / 20) * 100);
        x = (x + size.width / points) % size.width;
        top.lineTo(x, size.height / 2 + Math.sin((i + 1) / 20) * 100);
        top.stroke();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        toFrame.push(performance.now() - start);
      }
      return toFrame;
    },
    { size, canvases, points: STROKE_POINTS },
  );
}

test('frame editor: stroke latency on a 1080p canvas with six layers, and save time', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: projectFile() });
  await page.getByRole('button', { name: 'Shot 1', exact: true }).dblclick();
  const editor = page.getByRole('dialog', { name: 'Frame editor' });
  await editor.waitFor();
  await page.keyboard.press('n');
  const layers = ['Reference', 'Fill', 'Tone', 'Pencil', 'Ink', 'Notes'];
  for (const [index, layer] of layers.entries()) {
    await editor.getByRole('button', { name: `Layer ${layer}`, exact: true }).click();
    for (let s = 0; s < STROKES_PER_LAYER; s++) await penStroke(page, 200, index * 10 + s, false);
  }
  await editor.getByRole('button', { name: 'Layer Ink', exact: true }).click();
  const items = await editor.locator('.layer-count').allTextContents();
  const { paint, toFrame, canvases } = await penStroke(page, STROKE_POINTS, 99, true);
  const started = Date.now();
  await editor.getByRole('button', { name: 'Save frame' }).click();
  await page.waitForFunction(
    () => document.querySelector('.editor-status')?.textContent === 'Saved',
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const saveMs = Date.now() - started;
  const stage = await page.locator('[data-testid="editor-stage"]').boundingBox();
  const floorPage = await context.newPage();
  const floor = await canvasFloor(
    floorPage,
    { width: Math.round(stage?.width ?? 0), height: Math.round(stage?.height ?? 0) },
    canvases,
  );
  const f = (n: number) => n.toFixed(2);
  console.log(
    `layers: ${layers.length}, strokes already drawn per layer: ${items.join(' / ')}; canvas ${VIEWPORT.width}×${VIEWPORT.height}`,
  );
  console.log(
    `stroke of ${STROKE_POINTS} points, event → painted (handler): p50 ${f(median(paint))} ms, p95 ${f(percentile(paint, 95))} ms, max ${f(Math.max(...paint))} ms`,
  );
  console.log(
    `stroke, event → end of the frame showing it: p50 ${f(median(toFrame))} ms, p95 ${f(percentile(toFrame, 95))} ms`,
  );
  console.log(
    `floor: ${canvases} canvases holding pixels (as the editor displays while drawing) of the stage's size (${Math.round(stage?.width ?? 0)}×${Math.round(stage?.height ?? 0)}), a line per frame, → end of frame: p50 ${f(median(floor))} ms, p95 ${f(percentile(floor, 95))} ms (ratio editor/floor p95 ${(percentile(toFrame, 95) / percentile(floor, 95)).toFixed(2)})`,
  );
  console.log(`save frame (flatten 1920×1080, PNG, store, take): ${saveMs} ms`);
  console.log(`editor stroke_p95_ms=${f(percentile(toFrame, 95))} save_ms=${saveMs}`);
  await context.close();
});
