import { execFileSync } from 'node:child_process';

export interface ProbedVideo {
  readonly codec: string;
  readonly width: number;
  readonly height: number;
  /** Container duration, seconds. */
  readonly durationSeconds: number;
  readonly formatName: string;
}

/** Reads a video file's real properties with ffprobe (Debian's ffmpeg package). */
export function probeVideo(path: string): ProbedVideo {
  const json = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-show_entries',
      'format=duration,format_name:stream=codec_name,codec_type,width,height',
      '-of',
      'json',
      path,
    ],
    { encoding: 'utf8' },
  );
  const data = JSON.parse(json) as {
    format: { duration: string; format_name: string };
    streams: { codec_type: string; codec_name: string; width: number; height: number }[];
  };
  const video = data.streams.find((s) => s.codec_type === 'video');
  if (!video) throw new Error(`${path} has no video stream`);
  return {
    codec: video.codec_name,
    width: video.width,
    height: video.height,
    durationSeconds: Number(data.format.duration),
    formatName: data.format.format_name,
  };
}
