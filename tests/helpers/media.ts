import { execFileSync, spawnSync } from 'node:child_process';

/** What ffprobe says about a rendered file: its container and every stream. */
export interface ProbedMedia {
  readonly formatName: string;
  readonly durationSeconds: number;
  readonly streams: readonly {
    readonly type: string;
    readonly codec: string;
    readonly width?: number;
    readonly height?: number;
    readonly durationSeconds: number;
    /** Decoded frames (video), counted by ffprobe -count_frames. */
    readonly frames: number;
    /** Frames the container lists (`nb_frames`); NaN when it does not say (WebM). */
    readonly containerFrames: number;
    /** ffprobe's `avg_frame_rate`, e.g. `25/1`, `24000/1001`: frames over duration. */
    readonly avgFrameRate: string;
    readonly sampleRate?: number;
    readonly channels?: number;
  }[];
}

export function probeMedia(path: string): ProbedMedia {
  const json = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-count_frames',
      '-show_entries',
      'format=duration,format_name:stream=codec_type,codec_name,width,height,duration,nb_read_frames,nb_frames,avg_frame_rate,sample_rate,channels',
      '-of',
      'json',
      path,
    ],
    { encoding: 'utf8' },
  );
  const data = JSON.parse(json) as {
    format: { duration: string; format_name: string };
    streams: {
      codec_type: string;
      codec_name: string;
      width?: number;
      height?: number;
      duration?: string;
      nb_read_frames?: string;
      nb_frames?: string;
      avg_frame_rate?: string;
      sample_rate?: string;
      channels?: number;
    }[];
  };
  return {
    formatName: data.format.format_name,
    durationSeconds: Number(data.format.duration),
    streams: data.streams.map((s) => ({
      type: s.codec_type,
      codec: s.codec_name,
      ...(s.width === undefined ? {} : { width: s.width }),
      ...(s.height === undefined ? {} : { height: s.height }),
      durationSeconds: Number(s.duration ?? Number.NaN),
      frames: Number(s.nb_read_frames ?? 0),
      containerFrames: Number(s.nb_frames ?? Number.NaN),
      avgFrameRate: s.avg_frame_rate ?? '',
      ...(s.sample_rate === undefined ? {} : { sampleRate: Number(s.sample_rate) }),
      ...(s.channels === undefined ? {} : { channels: s.channels }),
    })),
  };
}

export type Rgb = readonly [number, number, number];

/**
 * Mean colour of the frame ffmpeg shows at `timeSeconds` (`-ss T -frames:v 1`), averaged over the
 * whole picture (scaled down to 32×18 first, which is the same average), or over an ffmpeg
 * `crop` (`w:h:x:y`, expressions allowed: `iw:ih*0.06:0:ih*0.94`).
 */
export function meanRgbAt(path: string, timeSeconds: number, crop?: string): Rgb {
  const raw = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      timeSeconds.toFixed(3),
      '-i',
      path,
      '-frames:v',
      '1',
      '-vf',
      `${crop ? `crop=${crop},` : ''}scale=32:18,format=rgb24`,
      '-f',
      'rawvideo',
      '-',
    ],
    { maxBuffer: 1024 * 1024 },
  );
  const sums = [0, 0, 0];
  for (let i = 0; i < raw.length; i++) sums[i % 3] = (sums[i % 3] ?? 0) + (raw[i] ?? 0);
  const count = raw.length / 3;
  return [
    Math.round((sums[0] ?? 0) / count),
    Math.round((sums[1] ?? 0) / count),
    Math.round((sums[2] ?? 0) / count),
  ];
}

/** Largest per-channel difference between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(...a.map((value, i) => Math.abs(value - (b[i] ?? 0))));
}

/** Mean loudness of a file's audio in dBFS (ffmpeg volumedetect); -91 is digital silence. */
export function meanVolumeDb(path: string): number {
  // volumedetect reports on stderr.
  const { stderr } = spawnSync(
    'ffmpeg',
    [
      '-v',
      'info',
      '-nostats',
      '-i',
      path,
      '-map',
      '0:a:0',
      '-af',
      'volumedetect',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  return Number(/mean_volume: (-?[\d.]+) dB/.exec(stderr)?.[1] ?? Number.NaN);
}
