import type {
  EditAudioClip,
  EditClip,
  EditTimeline,
  EditTransition,
  MediaFile,
} from './editTimeline';
import { encodePath } from './mediaNames';
import { ratePerSecond } from './rates';
import { programmeStartFrame } from './timecode';

/**
 * OpenTimelineIO JSON (`.otio`), written with the schema names and versions OTIO 0.15–0.18
 * serialise (Timeline.1, Stack.1, Track.1, Clip.2 with `media_references`, ExternalReference.1,
 * Gap.1, Transition.1, Marker.2, TimeRange.1, RationalTime.1); newer OTIO upgrades them on read.
 * Shot ids travel in each clip's `metadata.frameline`, which OTIO and its adapters carry through
 * an edit, so a conform can tell which shot a clip is.
 */

export const OTIO_METADATA_KEY = 'frameline';
const MEDIA_KEY = 'DEFAULT_MEDIA';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function time(value: number, rate: number): Json {
  return { OTIO_SCHEMA: 'RationalTime.1', rate, value };
}

function range(start: number, duration: number, rate: number): Json {
  return {
    OTIO_SCHEMA: 'TimeRange.1',
    duration: time(duration, rate),
    start_time: time(start, rate),
  };
}

function reference(file: MediaFile): Json {
  return {
    OTIO_SCHEMA: 'ExternalReference.1',
    metadata: {},
    name: file.path.split('/').pop() ?? file.path,
    available_range: null,
    target_url: encodePath(file.path),
  };
}

function clipJson(name: string, file: MediaFile, source: Json, metadata: Json): Json {
  return {
    OTIO_SCHEMA: 'Clip.2',
    metadata: { [OTIO_METADATA_KEY]: metadata },
    name,
    source_range: source,
    effects: [],
    markers: [],
    enabled: true,
    media_references: { [MEDIA_KEY]: reference(file) },
    active_media_reference_key: MEDIA_KEY,
  };
}

function videoClip(clip: EditClip, rate: number): Json {
  return clipJson(clip.shotNumber, clip.media, range(0, clip.duration, rate), {
    shotId: clip.shotId,
    shotNumber: clip.shotNumber,
    sceneId: clip.sceneId,
    durationMs: clip.durationMs,
    action: clip.action,
    dialogue: clip.dialogue,
    notes: clip.notes,
    // OTIO has no standard keyframes: the move is described for tools (and people) that want it.
    camera: clip.camera ? { start: { ...clip.camera.start }, end: { ...clip.camera.end } } : null,
  });
}

function transitionJson(transition: EditTransition, rate: number): Json {
  return {
    OTIO_SCHEMA: 'Transition.1',
    metadata: { [OTIO_METADATA_KEY]: { kind: transition.kind } },
    name: transition.kind === 'crossfade' ? 'Cross Dissolve' : transition.kind,
    in_offset: time(transition.inOffset, rate),
    out_offset: time(transition.outOffset, rate),
    transition_type: 'SMPTE_Dissolve',
  };
}

function track(
  name: string,
  kind: 'Video' | 'Audio',
  children: Json[],
  markers: Json[] = [],
): Json {
  return {
    OTIO_SCHEMA: 'Track.1',
    metadata: {},
    name,
    source_range: null,
    effects: [],
    markers,
    enabled: true,
    children,
    kind,
  };
}

function gap(duration: number, rate: number): Json {
  return {
    OTIO_SCHEMA: 'Gap.1',
    metadata: {},
    name: '',
    source_range: range(0, duration, rate),
    effects: [],
    markers: [],
    enabled: true,
  };
}

function audioTrack(clips: readonly EditAudioClip[], lane: number, rate: number): Json {
  const children: Json[] = [];
  let at = 0;
  for (const clip of clips.filter((c) => c.lane === lane)) {
    if (clip.recordIn > at) children.push(gap(clip.recordIn - at, rate));
    children.push(
      clipJson(
        clip.media.path.split('/').pop() ?? '',
        clip.media,
        range(clip.sourceIn, clip.duration, rate),
        {
          shotId: clip.shotId,
          audioClipId: clip.audioClipId,
          kind: clip.kind,
          volume: clip.volume,
        },
      ),
    );
    at = clip.recordIn + clip.duration;
  }
  return track(`A${lane + 1}`, 'Audio', children);
}

export function timelineToOtio(timeline: EditTimeline): Json {
  const rate = ratePerSecond(timeline.rate);
  const transitions = new Map(timeline.transitions.map((t) => [t.outgoing, t]));
  const video: Json[] = [];
  timeline.clips.forEach((clip, i) => {
    video.push(videoClip(clip, rate));
    const transition = transitions.get(i);
    if (transition) video.push(transitionJson(transition, rate));
  });
  const markers: Json[] = timeline.markers.map((marker) => ({
    OTIO_SCHEMA: 'Marker.2',
    metadata: { [OTIO_METADATA_KEY]: { sceneId: marker.sceneId } },
    name: `${marker.sceneNumber} ${marker.heading}`.trim(),
    color: 'GREEN',
    marked_range: range(marker.frame, 0, rate),
  }));
  const audio: Json[] = [];
  for (let lane = 0; lane < timeline.audioLanes; lane++)
    audio.push(audioTrack(timeline.audio, lane, rate));
  return {
    OTIO_SCHEMA: 'Timeline.1',
    metadata: {
      [OTIO_METADATA_KEY]: {
        rate: timeline.rate.id,
        width: timeline.width,
        height: timeline.height,
      },
    },
    name: timeline.title,
    global_start_time: time(programmeStartFrame(timeline.rate), rate),
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      metadata: {},
      name: 'tracks',
      source_range: null,
      effects: [],
      markers: [],
      enabled: true,
      children: [track('V1', 'Video', video, markers), ...audio],
    },
  };
}

export function writeOtio(timeline: EditTimeline): string {
  return `${JSON.stringify(timelineToOtio(timeline), null, 4)}\n`;
}
