// Render benchmark + end-to-end check of the animatic MP4 export.
//
//   npm run bench:render          (or: node tests/bench/render.bench.mjs)
//
// Starts a Vite dev server on 127.0.0.1 serving tests/bench/render-bench.html, drives the system
// Chromium headless through it (real renderClient → render worker → WebCodecs → mediabunny),
// saves every MP4 to tests/.artifacts/render-bench/, checks each with ffprobe / ffmpeg and in
// Chromium's own <video>, and prints figures. It prints; it never asserts on timings.
//
// Env: BENCH_SECONDS (animatic length, default 120), BENCH_SHOTS (default 40),
//      BENCH_STRATEGIES (comma list of once,repeat-1s,cfr; default all),
//      BENCH_SIZES (comma list of 720,1080), BENCH_RATES (comma list of 24,30),
//      BENCH_REPEATS (runs per configuration, median reported; default 3).
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS_DIR = join(ROOT, 'tests/.artifacts/render-bench');
const BENCH_PAGE = '/tests/bench/render-bench.html';
const HOST = '127.0.0.1';
const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PAGE_READY_TIMEOUT_MS = 120_000;
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const MICROSECONDS_PER_SECOND = 1e6;
/** ffmpeg's probe colour check: same tolerance as the <video> check in the page. */
const COLOUR_TOLERANCE = 24;

const list = (value, fallback) => (value ? value.split(',').map((s) => s.trim()) : fallback);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const SHOTS = Number(process.env.BENCH_SHOTS ?? 40);
const STRATEGIES = list(process.env.BENCH_STRATEGIES, ['once', 'repeat-1s', 'cfr']);
const SIZES = list(process.env.BENCH_SIZES, ['720', '1080']).map(Number);
const RATES = list(process.env.BENCH_RATES, ['24', '30']).map(Number);
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** POST /__bench/artifact?name=x.mp4 → tests/.artifacts/render-bench/x.mp4 (bench server only). */
function artifactUploadPlugin() {
  return {
    name: 'frameline-bench-artifacts',
    configureServer(server) {
      server.middlewares.use('/__bench/artifact', (req, res) => {
        const name = new URL(req.url ?? '', `http://${HOST}`).searchParams.get('name') ?? '';
        if (req.method !== 'POST' || !/^[\w.-]+\.mp4$/.test(name)) {
          res.statusCode = 400;
          res.end();
          return;
        }
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
          size += chunk.length;
          if (size > MAX_UPLOAD_BYTES) req.destroy();
          else chunks.push(chunk);
        });
        req.on('end', () => {
          writeFile(join(ARTIFACTS_DIR, name), Buffer.concat(chunks)).then(
            () => res.end('ok'),
            (error) => {
              res.statusCode = 500;
              res.end(String(error));
            },
          );
        });
      });
    },
  };
}

async function startViteServer() {
  const port = await freePort();
  // configFile: false — the bench needs nothing from the app's config (PWA, React), and must not
  // change when it does. Deps are pre-bundled up front: a dependency discovered mid-run makes
  // Vite reload the page, which would kill the render.
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    cacheDir: join(ROOT, 'tests/.artifacts/vite-cache'),
    server: { host: HOST, port, strictPort: true, hmr: false, watch: null },
    optimizeDeps: { entries: [BENCH_PAGE.slice(1)], include: ['mediabunny', 'comlink'] },
    plugins: [artifactUploadPlugin()],
  });
  await server.listen();
  return { server, url: `http://${HOST}:${port}${BENCH_PAGE}` };
}

async function ffprobe(file) {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-show_entries',
    'format=duration:stream=codec_name,profile,level,width,height,nb_frames,nb_read_frames,duration,r_frame_rate,avg_frame_rate',
    '-of',
    'json',
    file,
  ]);
  const json = JSON.parse(stdout);
  const stream = json.streams?.[0] ?? {};
  return {
    formatDurationS: Number(json.format?.duration),
    streamDurationS: Number(stream.duration),
    codec: stream.codec_name,
    profile: stream.profile,
    level: stream.level,
    width: stream.width,
    height: stream.height,
    nbFrames: Number(stream.nb_frames),
    nbReadFrames: Number(stream.nb_read_frames),
    rFrameRate: stream.r_frame_rate,
  };
}

/** The decoded RGB at the page's probe point, at `timeS`, as ffmpeg (not Chromium) sees it. */
async function ffmpegPixel(file, timeS, width, height) {
  const x = Math.round(width * 0.25);
  const y = Math.round(height * 0.25);
  const { stdout } = await run(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      timeS.toFixed(4),
      '-i',
      file,
      '-frames:v',
      '1',
      '-vf',
      `format=rgb24,crop=1:1:${x}:${y}`,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { encoding: 'buffer' },
  );
  return [...stdout.subarray(0, 3)];
}

const closeTo = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= COLOUR_TOLERANCE);

async function verify(result) {
  const file = join(ARTIFACTS_DIR, `${result.name}.mp4`);
  const probe = await ffprobe(file);
  const planS = result.planDurationUs / MICROSECONDS_PER_SECOND;
  const frameS = 1 / result.frameRate;
  const third = result.segments[2];
  const thirdMidS = third ? (third.startUs + third.durationUs / 2) / MICROSECONDS_PER_SECOND : 0;
  const thirdLateS = third
    ? (third.startUs + third.durationUs) / MICROSECONDS_PER_SECOND - 1.5 * frameS
    : 0;
  const expected = result.probeColours[2] ?? [0, 0, 0];
  const pixel = await ffmpegPixel(file, thirdMidS, result.width, result.height);
  const latePixel = await ffmpegPixel(file, thirdLateS, result.width, result.height);
  return {
    probe,
    planS,
    formatDeltaFrames: (probe.formatDurationS - planS) / frameS,
    streamDeltaFrames: (probe.streamDurationS - planS) / frameS,
    videoDeltaFrames: result.video ? (result.video.durationS - planS) / frameS : NaN,
    ffmpegThirdShot: { timeS: thirdMidS, rgb: pixel, expected, ok: closeTo(pixel, expected) },
    ffmpegThirdShotLate: {
      timeS: thirdLateS,
      rgb: latePixel,
      expected,
      ok: closeTo(latePixel, expected),
    },
  };
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function describe(result, check, walls) {
  const wallS = result.wallMs / 1000;
  const spread =
    walls.length > 1
      ? ` (${fmt(Math.min(...walls) / 1000, 2)}–${fmt(Math.max(...walls) / 1000, 2)}, n=${walls.length})`
      : '';
  const minutes = result.planDurationUs / MICROSECONDS_PER_SECOND / 60;
  const v = result.video;
  const ok = (flag) => (flag ? 'ok' : 'FAIL');
  return {
    line:
      `${result.name.padEnd(18)} wall ${fmt(wallS, 2).padStart(6)} s${spread} | ` +
      `${fmt(result.framesTotal / wallS, 0).padStart(6)} timeline fps | ` +
      `${fmt(wallS / minutes, 2).padStart(6)} s per min | ` +
      `${String(result.sampleCount).padStart(5)} samples | ` +
      `${fmt(result.sizeBytes / 1e6, 2).padStart(6)} MB | ${result.codecString}`,
    checks:
      `    ffprobe: ${check.probe.codec} ${check.probe.profile} L${check.probe.level} ` +
      `${check.probe.width}×${check.probe.height}, format ${fmt(check.probe.formatDurationS, 4)} s ` +
      `/ stream ${fmt(check.probe.streamDurationS, 4)} s vs plan ${fmt(check.planS, 4)} s ` +
      `(Δ ${fmt(check.formatDeltaFrames, 2)} / ${fmt(check.streamDeltaFrames, 2)} frames), ` +
      `nb_frames ${check.probe.nbFrames}, read ${check.probe.nbReadFrames}, r_frame_rate ${check.probe.rFrameRate}\n` +
      `    ffmpeg @ mid shot 3 (${fmt(check.ffmpegThirdShot.timeS, 3)} s): ` +
      `rgb ${check.ffmpegThirdShot.rgb} want ${check.ffmpegThirdShot.expected} ${ok(check.ffmpegThirdShot.ok)}; ` +
      `1.5 frames before its end (${fmt(check.ffmpegThirdShotLate.timeS, 3)} s): ` +
      `rgb ${check.ffmpegThirdShotLate.rgb} ${ok(check.ffmpegThirdShotLate.ok)}\n` +
      (v === null
        ? '    <video>: skipped'
        : v.error !== null
          ? `    <video>: ERROR ${v.error}`
          : `    <video>: duration ${fmt(v.durationS, 4)} s (Δ ${fmt(check.videoDeltaFrames, 2)} frames), ` +
            `mid shot 3 rgb ${v.thirdShot?.rgb} want ${v.thirdShot?.expected} ${ok(v.thirdShot?.ok)}, ` +
            `late shot 3 ${ok(v.thirdShotLate?.ok)}, last frame ${ok(v.lastFrame?.ok)}, ` +
            `every shot (mid + late): ${v.shotsMatching}/${v.shotsChecked}` +
            v.mismatches
              .map(
                (m) =>
                  `\n      mismatch: shot ${m.shot} @ ${fmt(m.timeS, 3)} s rgb ${m.rgb} want ${m.expected}`,
              )
              .join('')) +
      `\n    progress: first after ${fmt(result.firstProgressMs, 0)} ms (worker start), ` +
      `${result.progressEvents} events, max gap ${fmt(result.maxProgressGapMs, 0)} ms, ` +
      `last ${result.lastProgress?.framesDone}/${result.lastProgress?.framesTotal}`,
  };
}

async function main() {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const { server, url } = await startViteServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    // Loopback only: anything else the page tries is refused, not sent.
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname === HOST ? route.continue() : route.abort(),
    );
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error('[page console]', message.text());
    });
    await page.goto(url);
    await page.waitForFunction(() => window.renderBench !== undefined, null, {
      timeout: PAGE_READY_TIMEOUT_MS,
    });

    const userAgent = await page.evaluate(() => navigator.userAgent);
    console.log(`Chromium: ${userAgent}`);
    console.log(
      `Board: ${SHOTS} shots, ${SECONDS} s; one shot without a frame, one 4:3 frame, one reused frame.`,
    );
    console.log('Warm-up (module compile, encoder start-up), not counted…');
    await page.evaluate((config) => window.renderBench.run(config), {
      name: 'warmup',
      resolution: 720,
      frameRate: 24,
      holds: 'once',
      shotCount: 12,
      totalMs: 12_000,
      skipVideoCheck: true,
    });

    const behaviour = await page.evaluate(() => window.renderBench.behaviour());
    console.log(
      `cancel() after the first progress of a 1080p render: rejected with "${behaviour.cancel.rejectedWith}" ` +
        `after ${fmt(behaviour.cancel.afterMs, 1)} ms`,
    );
    console.log(`16384×16384 render: rejected with "${behaviour.oversize.rejectedWith}"`);

    const rows = [];
    for (const resolution of SIZES) {
      for (const frameRate of RATES) {
        for (const holds of STRATEGIES) {
          const name = `${resolution}p${frameRate}-${holds}`;
          const config = {
            name,
            resolution,
            frameRate,
            holds,
            shotCount: SHOTS,
            totalMs: SECONDS * 1000,
          };
          // First run is checked (ffprobe, ffmpeg, <video>); the rest are only timed.
          const first = await page.evaluate((c) => window.renderBench.run(c), config);
          const check = await verify(first);
          const walls = [first.wallMs];
          for (let i = 1; i < REPEATS; i++) {
            const again = await page.evaluate((c) => window.renderBench.run(c), {
              ...config,
              skipVideoCheck: true,
            });
            walls.push(again.wallMs);
          }
          const result = { ...first, wallMs: median(walls) };
          const { line, checks } = describe(result, check, walls);
          console.log(line);
          console.log(checks);
          rows.push(result);
        }
      }
    }

    console.log(
      '\nSummary (median wall time; timeline fps = frames of the animatic per wall second):',
    );
    for (const resolution of SIZES) {
      for (const frameRate of RATES) {
        const row = (holds) => rows.find((r) => r.name === `${resolution}p${frameRate}-${holds}`);
        const cfr = row('cfr');
        const parts = STRATEGIES.map((holds) => {
          const r = row(holds);
          if (!r) return '';
          const minutes = r.planDurationUs / MICROSECONDS_PER_SECOND / 60;
          const ratio =
            cfr && holds !== 'cfr' ? `, ${fmt(cfr.wallMs / r.wallMs, 1)}× faster than cfr` : '';
          return (
            `${holds} ${fmt(r.wallMs / 1000, 2)} s = ${fmt(r.framesTotal / (r.wallMs / 1000), 0)} fps ` +
            `= ${fmt(r.wallMs / 1000 / minutes, 2)} s/min${ratio}`
          );
        });
        console.log(`  ${resolution}p${frameRate}: ${parts.filter(Boolean).join(' | ')}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
