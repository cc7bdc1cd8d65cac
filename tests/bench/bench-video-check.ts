// Plays the rendered MP4 back in this page's <video> element: what Chromium's own demuxer and
// decoder make of the duration and of seeking into a hold.
import type { RenderPlan } from '../../src/render/renderPlan';
import { PROBE_POINT, type Rgb } from './bench-board';

/** 4:2:0 chroma and limited-range YUV move a flat colour by a few levels; shots differ by far more. */
const COLOUR_TOLERANCE = 24;
const PROBE_BLOCK_PX = 5;
const VIDEO_EVENT_TIMEOUT_MS = 10_000;
/** Upper bound on waiting for the seeked-to frame to be presented (see presented()). */
const PRESENT_TIMEOUT_MS = 500;

export interface ShotProbe {
  readonly shot: number;
  readonly timeS: number;
  readonly rgb: Rgb;
  readonly expected: Rgb;
  readonly ok: boolean;
}

export interface VideoCheck {
  readonly durationS: number;
  /** Seek into the middle of the 3rd shot, as the issue asks. */
  readonly thirdShot: ShotProbe | null;
  /** 1.5 frames before the 3rd shot ends: past its last repeat, where pts-based seeks slip. */
  readonly thirdShotLate: ShotProbe | null;
  /** Half a frame before the end: must still show the last shot (no padding, no black). */
  readonly lastFrame: ShotProbe | null;
  /** Every shot probed in its middle and 1.5 frames before its end. */
  readonly shotsChecked: number;
  readonly shotsMatching: number;
  readonly mismatches: ShotProbe[];
  readonly error: string | null;
}

function once(target: HTMLVideoElement, type: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event`)), VIDEO_EVENT_TIMEOUT_MS);
    const onError = () => {
      clearTimeout(timer);
      reject(new Error(`video error ${target.error?.code ?? '?'}: ${target.error?.message ?? ''}`));
    };
    target.addEventListener(
      type,
      () => {
        clearTimeout(timer);
        target.removeEventListener('error', onError);
        resolve();
      },
      { once: true },
    );
    target.addEventListener('error', onError, { once: true });
  });
}

/**
 * Chromium fires `seeked` before the new frame always reaches what drawImage reads: after long
 * seeks in a CFR file (hundreds of delta frames to decode) a read right after `seeked` sometimes
 * returned the previous position's frame. Waiting for the frame to be presented fixes that; a
 * seek that lands on the same frame presents nothing new, hence the timeout.
 */
function presented(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PRESENT_TIMEOUT_MS);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function close(a: Rgb, b: Rgb): boolean {
  return a.every((value, i) => Math.abs(value - (b[i] ?? 0)) <= COLOUR_TOLERANCE);
}

export async function checkInVideo(
  bytes: ArrayBuffer,
  plan: RenderPlan,
  expected: readonly Rgb[],
): Promise<VideoCheck> {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'video/mp4' }));
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  // In the document, so frames are presented (requestVideoFrameCallback needs that).
  document.body.append(video);
  const canvas = document.createElement('canvas');
  canvas.width = plan.width;
  canvas.height = plan.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2d context');

  async function probeAt(shot: number, timeS: number): Promise<ShotProbe> {
    const frameShown = presented(video);
    video.currentTime = timeS;
    await once(video, 'seeked');
    await frameShown;
    ctx?.drawImage(video, 0, 0, plan.width, plan.height);
    const x = Math.round(plan.width * PROBE_POINT.x);
    const y = Math.round(plan.height * PROBE_POINT.y);
    const data = ctx?.getImageData(x, y, PROBE_BLOCK_PX, PROBE_BLOCK_PX).data ?? [];
    const sums = [0, 1, 2].map((c) => {
      let sum = 0;
      for (let i = c; i < data.length; i += 4) sum += data[i] ?? 0;
      return Math.round(sum / (PROBE_BLOCK_PX * PROBE_BLOCK_PX));
    });
    const rgb: Rgb = [sums[0] ?? 0, sums[1] ?? 0, sums[2] ?? 0];
    const want = expected[shot] ?? [0, 0, 0];
    return { shot: shot + 1, timeS, rgb, expected: want, ok: close(rgb, want) };
  }

  try {
    video.src = url;
    await once(video, 'loadeddata');
    const frameS = 1 / plan.frameRate;
    const mids: ShotProbe[] = [];
    const lates: ShotProbe[] = [];
    for (const segment of plan.segments) {
      const startS = segment.startUs / 1e6;
      const endS = (segment.startUs + segment.durationUs) / 1e6;
      mids.push(await probeAt(segment.index, (startS + endS) / 2));
      lates.push(await probeAt(segment.index, endS - 1.5 * frameS));
    }
    const probes = [...mids, ...lates];
    const last = plan.segments.length - 1;
    const lastFrame = await probeAt(last, plan.totalDurationUs / 1e6 - 0.5 * frameS);
    return {
      durationS: video.duration,
      thirdShot: mids[2] ?? null,
      thirdShotLate: lates[2] ?? null,
      lastFrame,
      shotsChecked: probes.length,
      shotsMatching: probes.filter((p) => p.ok).length,
      mismatches: probes.filter((p) => !p.ok),
      error: null,
    };
  } catch (error) {
    return {
      durationS: video.duration,
      thirdShot: null,
      thirdShotLate: null,
      lastFrame: null,
      shotsChecked: 0,
      shotsMatching: 0,
      mismatches: [],
      error: String(error),
    };
  } finally {
    video.removeAttribute('src');
    video.load();
    video.remove();
    URL.revokeObjectURL(url);
  }
}
