// Plays a rendered file back in this page's <video> element: what Chromium's own demuxer and
// decoder make of the duration and of seeking into a hold.
import { PROBE_POINT, type Rgb } from './bench-board';

/** 4:2:0 chroma and limited-range YUV move a flat colour by a few levels; shots differ by far more. */
const COLOUR_TOLERANCE = 24;
const PROBE_BLOCK_PX = 5;
const VIDEO_EVENT_TIMEOUT_MS = 10_000;
/** Upper bound on waiting for the seeked-to frame to be presented (see presented()). */
const PRESENT_TIMEOUT_MS = 500;

export interface ProbeRequest {
  readonly shot: number;
  readonly timeS: number;
  readonly expected: Rgb;
}

export interface ShotProbe extends ProbeRequest {
  readonly rgb: Rgb;
  readonly ok: boolean;
}

export interface VideoCheck {
  readonly durationS: number;
  readonly checked: number;
  readonly matching: number;
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
 * Chromium fires `seeked` before the new frame always reaches what drawImage reads: waiting for
 * the frame to be presented fixes that; a seek that lands on the same frame presents nothing
 * new, hence the timeout.
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

/** Seeks to each probe point and compares the colour at PROBE_POINT with the expected one. */
export async function checkInVideo(
  bytes: ArrayBuffer,
  mimeType: string,
  size: { width: number; height: number },
  probes: readonly ProbeRequest[],
): Promise<VideoCheck> {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  // In the document, so frames are presented (requestVideoFrameCallback needs that).
  document.body.append(video);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2d context');

  async function probeAt(request: ProbeRequest): Promise<ShotProbe> {
    const frameShown = presented(video);
    video.currentTime = request.timeS;
    await once(video, 'seeked');
    await frameShown;
    ctx?.drawImage(video, 0, 0, size.width, size.height);
    const x = Math.round(size.width * PROBE_POINT.x);
    const y = Math.round(size.height * PROBE_POINT.y);
    const data = ctx?.getImageData(x, y, PROBE_BLOCK_PX, PROBE_BLOCK_PX).data ?? [];
    const sums = [0, 1, 2].map((c) => {
      let sum = 0;
      for (let i = c; i < data.length; i += 4) sum += data[i] ?? 0;
      return Math.round(sum / (PROBE_BLOCK_PX * PROBE_BLOCK_PX));
    });
    const rgb: Rgb = [sums[0] ?? 0, sums[1] ?? 0, sums[2] ?? 0];
    return { ...request, rgb, ok: close(rgb, request.expected) };
  }

  try {
    video.src = url;
    await once(video, 'loadeddata');
    const results: ShotProbe[] = [];
    for (const probe of probes) results.push(await probeAt(probe));
    return {
      durationS: video.duration,
      checked: results.length,
      matching: results.filter((p) => p.ok).length,
      mismatches: results.filter((p) => !p.ok),
      error: null,
    };
  } catch (error) {
    return {
      durationS: video.duration,
      checked: 0,
      matching: 0,
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
