import type { VideoCodecChoice } from './renderOptions';

/** A size every encoder that exists at all accepts: enough to ask "is there one?". */
const PROBE_SIZE = { width: 1280, height: 720 } as const;

/**
 * Whether this browser's WebCodecs can encode `codec` (asked on the page, for the options the
 * render dialog offers; the worker asks again at the real size before it renders).
 */
export async function webCodecsCanEncode(codec: VideoCodecChoice): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined') return false;
  try {
    // mediabunny loads here, on first use: it belongs to the render worker, not the app shell.
    const { canEncodeVideo } = await import('mediabunny');
    return await canEncodeVideo(codec, PROBE_SIZE);
  } catch {
    return false;
  }
}
