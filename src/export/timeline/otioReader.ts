import { EditReadError, type ImportedClip, type ImportedEdit } from './importedEdit';
import { fileStemOf } from './mediaNames';
import { OTIO_METADATA_KEY } from './otioWriter';
import { isTimelineRateId, rateFromFps, timelineRate, type TimelineRate } from './rates';

/**
 * Reads the picture track of an OpenTimelineIO JSON file: the first Video track of the timeline's
 * stack, its clips in order with their durations (a transition takes no time in OTIO, so clip
 * durations are already cut to cut). Gaps are dropped: a hole in the edit is not a shot.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const schemaOf = (v: Obj) => (typeof v.OTIO_SCHEMA === 'string' ? v.OTIO_SCHEMA.split('.')[0] : '');

function rationalTime(v: unknown): { value: number; rate: number } | null {
  if (!isObj(v) || typeof v.value !== 'number' || typeof v.rate !== 'number' || v.rate <= 0)
    return null;
  return { value: v.value, rate: v.rate };
}

function durationOf(item: Obj): { value: number; rate: number } | null {
  const range = item.source_range;
  return isObj(range) ? rationalTime(range.duration) : null;
}

function mediaUrl(clip: Obj): string | null {
  const refs = clip.media_references;
  const key =
    typeof clip.active_media_reference_key === 'string'
      ? clip.active_media_reference_key
      : 'DEFAULT_MEDIA';
  const ref = isObj(refs) ? refs[key] : clip.media_reference;
  return isObj(ref) && typeof ref.target_url === 'string' ? ref.target_url : null;
}

function pictureTrack(root: Obj): Obj | null {
  const stack = root.tracks;
  const tracks = isObj(stack) && Array.isArray(stack.children) ? stack.children.filter(isObj) : [];
  return tracks.find((t) => schemaOf(t) === 'Track' && t.kind !== 'Audio') ?? null;
}

export function readOtio(text: string): ImportedEdit {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw new EditReadError('This is not an OpenTimelineIO file: it is not JSON.');
  }
  if (!isObj(root) || schemaOf(root) !== 'Timeline') {
    throw new EditReadError('This is not an OpenTimelineIO timeline (no Timeline at its top).');
  }
  const track = pictureTrack(root);
  if (!track) throw new EditReadError('The timeline has no video track.');
  const items = Array.isArray(track.children) ? track.children.filter(isObj) : [];
  const meta = isObj(root.metadata) ? root.metadata[OTIO_METADATA_KEY] : null;
  const declared = isObj(meta) && isTimelineRateId(meta.rate) ? timelineRate(meta.rate) : null;
  const firstRate = items.map(durationOf).find((d) => d !== null)?.rate;
  const rate: TimelineRate | null = declared ?? (firstRate ? rateFromFps(firstRate) : null);
  if (!rate) throw new EditReadError('The timeline runs at a frame rate Frameline does not use.');
  const fps = rate.num / rate.den;

  const clips: ImportedClip[] = [];
  for (const item of items) {
    if (schemaOf(item) === 'Transition') {
      // A transition takes no time in OTIO: it overlaps the clip before it and the one after.
      const last = clips.at(-1);
      const frames = (t: unknown) => {
        const time = rationalTime(t);
        return time ? Math.round((time.value * fps) / time.rate) : 0;
      };
      if (last)
        clips[clips.length - 1] = {
          ...last,
          transitionOut: frames(item.in_offset) + frames(item.out_offset),
        };
      continue;
    }
    if (schemaOf(item) !== 'Clip') continue;
    const duration = durationOf(item);
    if (!duration) throw new EditReadError(`Clip “${String(item.name)}” has no duration.`);
    const metadata = isObj(item.metadata) ? item.metadata[OTIO_METADATA_KEY] : null;
    const url = mediaUrl(item);
    clips.push({
      shotId: isObj(metadata) && typeof metadata.shotId === 'string' ? metadata.shotId : null,
      name: typeof item.name === 'string' ? item.name : '',
      mediaStem: url ? fileStemOf(url) : null,
      duration: Math.round((duration.value * fps) / duration.rate),
      transitionOut: 0,
    });
  }
  return { format: 'otio', rate, clips };
}
