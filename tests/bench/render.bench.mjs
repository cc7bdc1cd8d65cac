// Render benchmark: one animatic, three encoders, one run.
//
//   npm run bench:render          (or: node tests/bench/render.bench.mjs)
//
// The animatic: 40 shots, 2 minutes, 1080p at 30 fps, 20 camera moves and 10 crossfades (a
// synthetic board of sketch-like pictures, tests/bench/bench-board.ts). It is rendered
//   (a) by the app's fast path: renderClient → render worker → compose → WebCodecs H.264 →
//       mediabunny MP4, moves and crossfades frame by frame, holds (holds.ts) either
//       (a) at constant frame rate, the app's default: every frame a sample, the hold's picture
//           encoded again each frame (the encoder makes it a near-empty delta frame), or
//       (a') at variable frame rate ("smallest file"): each hold a few long samples;
//   (b) by the app's universal path: the same worker with ffmpeg.wasm (single-thread core,
//       libx264 ultrafast) fed raw composed frames;
//   (c) by native ffmpeg on this machine: the same composed frames, written once to disk as JPEG
//       (quality 0.92; JPEG because native decodes it about twice as fast as PNG, TESTING.md),
//       encoded with `ffmpeg -framerate 30 -i f%05d.jpg -c:v libx264 -preset ultrafast
//       -pix_fmt yuv420p`. Same frames, same size, same frame count.
//
// Timed: (a) and (b) from startRender() to the finished file in the page (worker start, picture
// decoding, compositing, encoding, muxing; for (b) also fetching and compiling the 32 MB core);
// (c) the ffmpeg process alone (reading the JPEGs, encoding, muxing), not the frame export.
// Peak memory: (a)/(b) the largest resident set of Chromium's processes sampled every 100 ms
// (the page and its workers live in the renderer process) and the sum over all of them, both
// minus the idle level before the run; (c) ffmpeg's maximum resident set (/usr/bin/time -v).
//
// Every output is checked (ffprobe streams/duration/frames, ffmpeg seeks, Chromium <video>
// duration and seeking for (a)). It prints; it never asserts. The last line is
//   render ratio webcodecs/native=<x> webcodecs_vfr/native=<v> ffmpegwasm/native=<y>
// where webcodecs is the constant-frame-rate render (what the app makes by default).
//
// Env: BENCH_SECONDS (default 120), BENCH_SHOTS (40), BENCH_MOVES (20), BENCH_CROSSFADES (10),
//      BENCH_SIZE (1080), BENCH_RATE (30), BENCH_JPEG_QUALITY (0.92).
import { execFile, spawn } from 'node:child_process';
import { appendFile, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS_DIR = join(ROOT, 'tests/.artifacts/render-bench');
const FRAMES_DIR = join(ARTIFACTS_DIR, 'frames');
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
const RENDER_TIMEOUT_MS = 30 * 60_000;
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const MEMORY_SAMPLE_INTERVAL_MS = 100;
const KIB = 1024;
/** ffmpeg's colour check: 4:2:0 and limited range move a flat colour by a few levels. */
const COLOUR_TOLERANCE = 24;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const CONFIG = {
  shotCount: Number(process.env.BENCH_SHOTS ?? 40),
  totalMs: SECONDS * 1000,
  moves: Number(process.env.BENCH_MOVES ?? 20),
  crossfades: Number(process.env.BENCH_CROSSFADES ?? 10),
  resolution: Number(process.env.BENCH_SIZE ?? 1080),
  frameRate: Number(process.env.BENCH_RATE ?? 30),
  format: 'mp4',
  codec: 'avc',
};
const JPEG_QUALITY = Number(process.env.BENCH_JPEG_QUALITY ?? 0.92);

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

function readBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Bench-server-only endpoints: POST /__bench/artifact?name=x.mp4&offset=N saves an output, in
 * pieces (offset 0 starts the file, others append);
 * POST /__bench/frame?index=N&repeat=K writes frames/fNNNNN.jpg for N..N+K-1 (a hold is sent
 * once and written under each of its frame numbers).
 */
function benchUploadPlugin() {
  const fail = (res, error) => {
    res.statusCode = 500;
    res.end(String(error));
  };
  return {
    name: 'frameline-bench-uploads',
    configureServer(server) {
      server.middlewares.use('/__bench/artifact', (req, res) => {
        const params = new URL(req.url ?? '', `http://${HOST}`).searchParams;
        const name = params.get('name') ?? '';
        const offset = Number(params.get('offset') ?? 0);
        if (req.method !== 'POST' || !/^[\w.-]+\.(mp4|webm|gif)$/.test(name) || offset < 0) {
          res.statusCode = 400;
          res.end();
          return;
        }
        const path = join(ARTIFACTS_DIR, name);
        readBody(req)
          .then((body) => (offset === 0 ? writeFile(path, body) : appendFile(path, body)))
          .then(
            () => res.end('ok'),
            (error) => fail(res, error),
          );
      });
      server.middlewares.use('/__bench/frame', (req, res) => {
        const params = new URL(req.url ?? '', `http://${HOST}`).searchParams;
        const index = Number(params.get('index'));
        const repeat = Number(params.get('repeat') ?? 1);
        if (req.method !== 'POST' || !Number.isInteger(index) || !Number.isInteger(repeat)) {
          res.statusCode = 400;
          res.end();
          return;
        }
        const name = (i) => join(FRAMES_DIR, `f${String(i).padStart(5, '0')}.jpg`);
        readBody(req)
          .then(async (body) => {
            await writeFile(name(index), body);
            for (let i = 1; i < repeat; i++) await copyFile(name(index), name(index + i));
          })
          .then(
            () => res.end('ok'),
            (error) => fail(res, error),
          );
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
    worker: { format: 'es' },
    optimizeDeps: { entries: [BENCH_PAGE.slice(1)], include: ['mediabunny', 'comlink'] },
    plugins: [benchUploadPlugin()],
  });
  await server.listen();
  return { server, url: `http://${HOST}:${port}${BENCH_PAGE}` };
}

// ── memory ──────────────────────────────────────────────────────────────────────────────────

async function processTree(rootPid) {
  const children = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const pids = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

async function isChromium(pid) {
  try {
    return /chrom/i.test(await readFile(`/proc/${pid}/comm`, 'utf8'));
  } catch {
    return false;
  }
}

async function rssKib(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Samples Chromium's processes (the descendants of this Node process named chromium; Playwright
 * does not expose the browser's pid) until stopped: peak of the sum and of the largest process.
 */
function memorySampler(rootPid) {
  let running = true;
  let peakSum = 0;
  let peakProcess = 0;
  let samples = 0;
  const measure = async () => {
    const tree = await processTree(rootPid);
    const pids = (
      await Promise.all(tree.map(async (pid) => ((await isChromium(pid)) ? pid : 0)))
    ).filter(Boolean);
    const sizes = await Promise.all(pids.map(rssKib));
    return { sum: sizes.reduce((a, b) => a + b, 0), largest: Math.max(0, ...sizes) };
  };
  const loop = (async () => {
    while (running) {
      const { sum, largest } = await measure();
      peakSum = Math.max(peakSum, sum);
      peakProcess = Math.max(peakProcess, largest);
      samples += 1;
      await new Promise((r) => setTimeout(r, MEMORY_SAMPLE_INTERVAL_MS));
    }
  })();
  return {
    measure,
    async stop() {
      running = false;
      await loop;
      return { peakSumKib: peakSum, peakProcessKib: peakProcess, samples };
    },
  };
}

// ── checks ──────────────────────────────────────────────────────────────────────────────────

async function ffprobe(file) {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-show_entries',
    'format=duration,format_name:stream=codec_type,codec_name,profile,width,height,nb_read_frames,nb_frames,avg_frame_rate,duration,r_frame_rate',
    '-of',
    'json',
    file,
  ]);
  const json = JSON.parse(stdout);
  const video = json.streams?.find((s) => s.codec_type === 'video') ?? {};
  const audio = json.streams?.find((s) => s.codec_type === 'audio') ?? null;
  return {
    formatDurationS: Number(json.format?.duration),
    streamDurationS: Number(video.duration),
    codec: video.codec_name,
    profile: video.profile,
    width: video.width,
    height: video.height,
    readFrames: Number(video.nb_read_frames),
    containerFrames: Number(video.nb_frames),
    avgFrameRate: video.avg_frame_rate,
    audioCodec: audio?.codec_name ?? null,
  };
}

/** Mean RGB of a 5×5 patch at the probe point (or the whole frame) at `timeS`, as ffmpeg decodes it. */
async function ffmpegRgb(file, timeS, width, height, whole = false) {
  const x = Math.round(width * 0.25);
  const y = Math.round(height * 0.25);
  const crop = whole ? 'scale=64:36' : `crop=5:5:${x}:${y}`;
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
      `${crop},format=rgb24`,
      '-f',
      'rawvideo',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  const sums = [0, 0, 0];
  for (let i = 0; i < stdout.length; i++) sums[i % 3] += stdout[i];
  const count = stdout.length / 3;
  return sums.map((s) => Math.round(s / count));
}

const closeTo = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= COLOUR_TOLERANCE);
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const mib = (kib) => `${fmt(kib / KIB, 0)} MiB`;

async function verify(file, result) {
  const probe = await ffprobe(file);
  const planS = result.planDurationUs / 1e6;
  const frameS = 1 / result.frameRate;
  const mid = await ffmpegRgb(file, result.thirdShot.midS, result.width, result.height);
  const late = await ffmpegRgb(file, result.thirdShot.lateS, result.width, result.height);
  return {
    probe,
    planS,
    deltaFrames: (probe.formatDurationS - planS) / frameS,
    thirdMid: { rgb: mid, ok: closeTo(mid, result.thirdShot.rgb) },
    thirdLate: { rgb: late, ok: closeTo(late, result.thirdShot.rgb) },
  };
}

function describeCheck(label, check) {
  const p = check.probe;
  const ok = (flag) => (flag ? 'ok' : 'FAIL');
  return (
    `    ${label}: ffprobe ${p.codec} ${p.profile ?? ''} ${p.width}×${p.height}, ` +
    `${p.readFrames} frames (nb_frames ${p.containerFrames}, avg_frame_rate ${p.avgFrameRate}), duration ${fmt(p.formatDurationS, 4)} s vs plan ${fmt(check.planS, 4)} s ` +
    `(Δ ${fmt(check.deltaFrames, 2)} frames)${p.audioCodec ? `, audio ${p.audioCodec}` : ''}; ` +
    `ffmpeg -ss mid shot 3 ${ok(check.thirdMid.ok)}, 1.5 frames before its end ${ok(check.thirdLate.ok)}`
  );
}

async function crossfadeCheck(file, result) {
  if (!result.crossfade) return '    crossfade: none in this board';
  const { timeS, before, after } = result.crossfade;
  const rgb = await ffmpegRgb(file, timeS, result.width, result.height);
  const distinct = !closeTo(rgb, before) && !closeTo(rgb, after);
  return (
    `    crossfade at ${fmt(timeS, 3)} s: rgb ${rgb} between ${before} and ${after}: ` +
    `${distinct ? 'a blend (ok)' : 'NOT a blend'}`
  );
}

function describeVideo(video) {
  if (video === null) return '    <video>: skipped';
  if (video.error !== null) return `    <video>: ERROR ${video.error}`;
  const misses = video.mismatches
    .map(
      (m) =>
        `\n      mismatch: shot ${m.shot} @ ${fmt(m.timeS, 3)} s rgb ${m.rgb} want ${m.expected}`,
    )
    .join('');
  return `    <video>: duration ${fmt(video.durationS, 4)} s, still shots seeked (middle and 1.5 frames before the end): ${video.matching}/${video.checked}${misses}`;
}

// ── native ──────────────────────────────────────────────────────────────────────────────────

function timeNative(output, frameRate) {
  return new Promise((resolveRun, reject) => {
    const args = [
      '-v',
      'ffmpeg',
      '-v',
      'error',
      '-y',
      '-framerate',
      String(frameRate),
      '-i',
      join(FRAMES_DIR, 'f%05d.jpg'),
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      output,
    ];
    const startedAt = performance.now();
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - startedAt;
      if (code !== 0) reject(new Error(`native ffmpeg failed (${code}): ${stderr.slice(-500)}`));
      else
        resolveRun({
          wallMs,
          peakKib: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]),
        });
    });
  });
}

// ── main ────────────────────────────────────────────────────────────────────────────────────

/** Renders with memory sampled during the render only, then saves (and plays) the file. */
async function renderMeasured(page, config, videoCheck = false) {
  const sampler = memorySampler(process.pid);
  const before = await sampler.measure();
  const result = await page.evaluate((c) => window.renderBench.run(c), config);
  const memory = await sampler.stop();
  const video = await page.evaluate((check) => window.renderBench.finishLast(check), videoCheck);
  return { result: { ...result, video }, memory, before };
}

function describeRun(label, { result, memory, before }) {
  const wallS = result.wallMs / 1000;
  return (
    `${label.padEnd(24)} wall ${fmt(wallS, 2).padStart(7)} s | ${fmt(result.framesTotal / wallS, 0).padStart(4)} timeline fps | ` +
    `${result.sampleCount} samples | ${fmt(result.sizeBytes / 1e6, 1)} MB | ${result.codecString} (${result.engine}) | ` +
    `peak renderer ${mib(memory.peakProcessKib)} (+${mib(memory.peakProcessKib - before.largest)} over idle), ` +
    `all Chromium ${mib(memory.peakSumKib)} (+${mib(memory.peakSumKib - before.sum)})\n` +
    `    first progress after ${fmt(result.firstProgressMs, 0)} ms, ${result.progressEvents} progress events, ` +
    `longest gap ${fmt(result.maxProgressGapMs, 0)} ms, last ${result.lastProgress?.framesDone}/${result.lastProgress?.framesTotal}` +
    (result.warnings.length > 0 ? `\n    warnings: ${result.warnings.join(' | ')}` : '')
  );
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
    // Loopback only: anything else the page tries is refused, not sent. (Every request passes
    // through Playwright here, which is why the page uploads big files in pieces: see below.)
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname === HOST ? route.continue() : route.abort(),
    );
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error('[page console]', message.text());
    });
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    await page.goto(url);
    await page.waitForFunction(() => window.renderBench !== undefined, null, {
      timeout: PAGE_READY_TIMEOUT_MS,
    });

    console.log(`Chromium: ${await page.evaluate(() => navigator.userAgent)}`);
    console.log(`Native: ${(await run('ffmpeg', ['-version'])).stdout.split('\n')[0]}`);
    const base = { ...CONFIG, engine: 'auto' };
    console.log('Warm-up (module compile, encoder start-up, ffmpeg core fetch), not counted…');
    const small = {
      ...base,
      shotCount: 6,
      totalMs: 6000,
      moves: 2,
      crossfades: 1,
      resolution: 720,
    };
    await page.evaluate((c) => window.renderBench.run(c), { ...small, name: 'warmup-webcodecs' });
    await page.evaluate((c) => window.renderBench.run(c), {
      ...small,
      name: 'warmup-ffmpeg',
      engine: 'ffmpeg',
    });

    const behaviour = await page.evaluate(() => window.renderBench.behaviour());
    console.log(
      `cancel() after the first progress of a 1080p render: rejected with "${behaviour.cancel.rejectedWith}" ` +
        `after ${fmt(behaviour.cancel.afterMs, 1)} ms`,
    );
    console.log(`16384×16384 render: rejected with "${behaviour.oversize.rejectedWith}"`);

    const a = await renderMeasured(
      page,
      { ...base, name: 'a-webcodecs', engine: 'webcodecs', holds: 'cfr' },
      true,
    );
    const r = a.result;
    console.log(
      `\nAnimatic: ${r.framesTotal} frames (${fmt(r.planDurationUs / 1e6, 3)} s) at ${r.width}×${r.height}, ${r.frameRate} fps; ` +
        `${CONFIG.shotCount} shots, ${r.moveCount} camera moves, ${r.crossfadeCount} crossfades; ` +
        `${r.motionFrames} frames composed one by one, ${r.holdRuns} holds.\n`,
    );
    console.log(describeRun('(a) WebCodecs CFR', a));
    const fileA = join(ARTIFACTS_DIR, 'a-webcodecs.mp4');
    console.log(describeCheck('check', await verify(fileA, r)));
    console.log(await crossfadeCheck(fileA, r));
    console.log(describeVideo(r.video));

    const v = await renderMeasured(
      page,
      { ...base, name: 'a-webcodecs-vfr', engine: 'webcodecs', holds: 'repeat-1s' },
      true,
    );
    console.log(describeRun("(a') WebCodecs VFR", v));
    const fileV = join(ARTIFACTS_DIR, 'a-webcodecs-vfr.mp4');
    console.log(describeCheck('check', await verify(fileV, v.result)));
    console.log(describeVideo(v.result.video));

    const b = await renderMeasured(page, {
      ...base,
      name: 'b-ffmpegwasm',
      engine: 'ffmpeg',
    });
    console.log(describeRun('(b) ffmpeg.wasm', b));
    const fileB = join(ARTIFACTS_DIR, 'b-ffmpegwasm.mp4');
    console.log(describeCheck('check', await verify(fileB, b.result)));
    console.log(await crossfadeCheck(fileB, b.result));

    await rm(FRAMES_DIR, { recursive: true, force: true });
    await mkdir(FRAMES_DIR, { recursive: true });
    const exported = await page.evaluate(
      ([c, q]) => window.renderBench.exportFrames(c, q),
      [{ ...base, name: 'frames' }, JPEG_QUALITY],
    );
    const native = await timeNative(join(ARTIFACTS_DIR, 'c-native.mp4'), CONFIG.frameRate);
    const nativeS = native.wallMs / 1000;
    console.log(
      `(c) native ffmpeg          wall ${fmt(nativeS, 2).padStart(7)} s | ${fmt(exported.frames / nativeS, 0).padStart(4)} timeline fps | ` +
        `libx264 ultrafast from ${exported.frames} JPEGs (q ${JPEG_QUALITY}; exported in ${fmt(exported.wallMs / 1000, 1)} s, not timed) | ` +
        `peak ${mib(native.peakKib)}`,
    );
    console.log(describeCheck('check', await verify(join(ARTIFACTS_DIR, 'c-native.mp4'), r)));
    await rm(FRAMES_DIR, { recursive: true, force: true });

    const ratioA = a.result.wallMs / native.wallMs;
    const ratioV = v.result.wallMs / native.wallMs;
    const ratioB = b.result.wallMs / native.wallMs;
    console.log('\nSummary (wall time; lower is better):');
    console.log(
      `  (a) WebCodecs CFR ${fmt(a.result.wallMs / 1000, 2)} s  = ${fmt(ratioA, 2)}× native (target ≤ 1.0×), ${fmt(a.result.sizeBytes / 1e6, 1)} MB`,
    );
    console.log(
      `  (a') WebCodecs VFR ${fmt(v.result.wallMs / 1000, 2)} s = ${fmt(ratioV, 2)}× native, ${fmt(v.result.sizeBytes / 1e6, 1)} MB`,
    );
    console.log(
      `  (b) ffmpeg.wasm   ${fmt(b.result.wallMs / 1000, 2)} s  = ${fmt(ratioB, 2)}× native (target ≤ 15×)`,
    );
    console.log(`  (c) native ffmpeg ${fmt(nativeS, 2)} s`);
    console.log(
      `  peak memory over idle: (a) renderer +${mib(a.memory.peakProcessKib - a.before.largest)}, ` +
        `(b) renderer +${mib(b.memory.peakProcessKib - b.before.largest)}, (c) ffmpeg ${mib(native.peakKib)}; ` +
        `one ${r.width}×${r.height} RGBA frame is ${mib((r.width * r.height * 4) / KIB)}`,
    );
    console.log(
      `render ratio webcodecs/native=${fmt(ratioA, 2)} webcodecs_vfr/native=${fmt(ratioV, 2)} ffmpegwasm/native=${fmt(ratioB, 2)}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
