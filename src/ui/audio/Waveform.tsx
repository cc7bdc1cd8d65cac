import { useEffect, useRef } from 'react';
import { peaksForColumns } from '../../render/peaks';
import { useDecodedSound } from './useDecodedSound';

interface Props {
  readonly hash: string;
  /** Width on screen, px: one column of the waveform per pixel. */
  readonly width: number;
  readonly height: number;
  /** Seconds of the recording the width spans (longer than it: silence after, or repeats). */
  readonly seconds: number;
  readonly loop?: boolean;
}

/** Past this a canvas is stretched instead (browsers refuse very wide canvases). */
const MAX_CANVAS_PX = 8192;

/**
 * A recording's waveform, drawn from its peaks (computed once per recording, soundBank.ts) in
 * the text colour of where it sits, so it suits light and dark.
 */
export function Waveform({ hash, width, height, seconds, loop = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const sound = useDecodedSound(hash);
  const columns = Math.max(1, Math.min(MAX_CANVAS_PX, Math.round(width)));
  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || !sound) return;
    const peaks = peaksForColumns(sound.peaks, 0, seconds, columns, { loop });
    ctx.clearRect(0, 0, columns, height);
    ctx.fillStyle = getComputedStyle(element).color;
    const middle = height / 2;
    for (let x = 0; x < peaks.length; x++) {
      const half = Math.max(0.5, (peaks[x] ?? 0) * middle);
      ctx.fillRect(x, middle - half, 1, half * 2);
    }
  }, [sound, columns, height, seconds, loop]);
  return (
    <canvas
      ref={canvas}
      className="waveform"
      width={columns}
      height={height}
      style={{ width, height }}
      aria-hidden="true"
    />
  );
}
