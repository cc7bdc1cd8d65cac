import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

/**
 * Size budgets of the production build in dist/ (sizes, never timings): what the first visit
 * downloads, what stays lazy, what the service worker precaches, and what the manifest promises.
 */

const DIST = 'dist';
const INITIAL_JS_BUDGET_BYTES = 200 * 1024;
/**
 * Libraries that must never be in the first page load, each by strings only its own code holds
 * (the app's loaders may name their APIs, e.g. `GlobalWorkerOptions`, without pulling them in).
 */
const LAZY_MARKERS = {
  'ffmpeg.wasm (client and core)': /ffmpeg is not loaded|createFFmpegCore/,
  'PDF.js': /PDFPageProxy|Invalid PDF structure/,
  'a canvas library (Konva)': /konva/i,
  // tesseract.js's client names its job steps; the engine itself is never a module of the app.
  'OCR (tesseract.js)': /loading language traineddata|tesseract\.esm/,
  // The project list and the app shell start without the document code; it loads with a project.
  'Yjs (the document code)': /Yjs was already imported/,
};

const read = (path: string) => readFileSync(join(DIST, path));
const html = () => read('index.html').toString('utf8');

/** The scripts index.html loads or preloads: what runs before the app can show anything. */
function initialScripts(): string[] {
  const urls = [
    ...html().matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html().matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1]!.replace(/^\//, ''));
  return [...new Set(urls)];
}

function precacheEntries(): string[] {
  const sw = read('sw.js').toString('utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((match) => match[1]!);
}

function pngSize(path: string): string {
  const png = read(path);
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('budgets of the production build', () => {
  test('initial JavaScript is at most 200 KB gzipped', () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((path) => gzipSync(read(path)).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`initial JS: ${scripts.length} file(s), ${kb(total)} gzipped`);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  test.each(Object.entries(LAZY_MARKERS))('%s loads lazily', (_, marker) => {
    for (const path of initialScripts()) {
      expect(marker.test(read(path).toString('utf8')), `${path} contains ${marker}`).toBe(false);
    }
  });

  test('the service worker precaches the app and its workers, not the ffmpeg core', () => {
    const entries = precacheEntries();
    const bytes = entries.reduce((sum, url) => sum + statSync(join(DIST, url)).size, 0);
    console.log(`precache: ${entries.length} entries, ${kb(bytes)}`);
    expect(entries).toContain('index.html');
    for (const script of initialScripts()) expect(entries).toContain(script);
    expect(entries.some((url) => /render\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(entries.some((url) => /sketch\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(entries.filter((url) => url.includes('ffmpeg-core'))).toEqual([]);
    expect(entries.filter((url) => url.endsWith('.map'))).toEqual([]);
    // The OCR engine and its English model (about 6 MB) are cached on the first scanned PDF.
    expect(
      entries.filter((url) => /^ocr\/|^wasm-workers\/tesseract-|traineddata/.test(url)),
    ).toEqual([]);
  });

  test('the OCR engine ships beside the app and is cached at runtime on first use', () => {
    const files = readdirSync(join(DIST, 'wasm-workers'), { recursive: true }).map(String);
    expect(files.some((name) => /^tesseract-[\w.-]+\/worker\.js$/.test(name))).toBe(true);
    expect(files.some((name) => /tesseract-core-simd-lstm\.wasm$/.test(name))).toBe(true);
    expect(readdirSync(join(DIST, 'ocr'), { recursive: true }).map(String)).toContainEqual(
      expect.stringMatching(/eng\.traineddata\.gz$/),
    );
    expect(read('sw.js').toString('utf8')).toMatch(/ocr.+CacheFirst\(\{cacheName:"frameline-ocr"/);
  });

  test('the ffmpeg core ships beside the app and is cached at runtime on first use', () => {
    const assets = readdirSync(join(DIST, 'assets'));
    expect(assets.some((name) => /^ffmpeg-core-[\w-]+\.wasm$/.test(name))).toBe(true);
    expect(assets.some((name) => /^ffmpeg-core-[\w-]+\.js$/.test(name))).toBe(true);
    const sw = read('sw.js').toString('utf8');
    expect(sw).toMatch(/ffmpeg-core.+CacheFirst\(\{cacheName:"frameline-ffmpeg"/);
  });
});

describe('the web app manifest', () => {
  const manifest = () => JSON.parse(read('manifest.webmanifest').toString('utf8'));

  test('names the app, sets colours, and is linked from the page', () => {
    const m = manifest();
    expect(m).toMatchObject({ name: 'Frameline', short_name: 'Frameline', display: 'standalone' });
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(html()).toContain('rel="manifest"');
    expect(html()).toMatch(/<meta name="frameline-build" content="[^"]+">/);
  });

  test('has PNG icons of 192 and 512 px, plain and maskable, that exist at those sizes', () => {
    const icons: { src: string; sizes: string; purpose?: string }[] = manifest().icons;
    for (const purpose of ['any', 'maskable']) {
      for (const size of ['192x192', '512x512']) {
        const icon = icons.find((i) => i.sizes === size && i.purpose === purpose);
        expect(icon, `${purpose} ${size}`).toBeDefined();
        expect(pngSize(icon!.src.replace(/^\//, ''))).toBe(size);
      }
    }
  });

  test('has wide and narrow screenshots that exist at their stated sizes', () => {
    const shots: { src: string; sizes: string; form_factor: string }[] = manifest().screenshots;
    expect(shots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of shots) {
      expect(existsSync(join(DIST, shot.src))).toBe(true);
      expect(pngSize(shot.src.replace(/^\//, ''))).toBe(shot.sizes);
    }
  });

  test('opens screenplays and bundles from the OS, takes shares, and has shortcuts', () => {
    const m = manifest();
    const accepted = Object.values(m.file_handlers[0].accept).flat();
    expect(accepted).toEqual(expect.arrayContaining(['.fountain', '.fdx', '.frameline']));
    expect(m.share_target).toMatchObject({ action: '/share-target', method: 'POST' });
    expect(m.shortcuts.map((s: { name: string }) => s.name)).toContain('New project');
  });
});
