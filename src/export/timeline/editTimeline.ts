import type { AudioClipKind } from '../../model/audio';
import { framingFor, type FramingRect } from '../../model/framing';
import type { AssetHash, SceneId, ShotId } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { shotStartTimes } from '../../model/timeline';
import { effectiveTransitionMs, type TransitionKind } from '../../model/transition';
import { safeFileStem, uniqueStem } from './mediaNames';
import { msToFrame, timelineRate, type TimelineRate, type TimelineRateId } from './rates';

/**
 * The project as an editor's timeline: every playing shot as a clip with whole-frame in and out
 * points at one rate, the dissolves between them, scene markers, sound clips on audio lanes and
 * camera moves as keyframes. Pure; each writer (OTIO, FCP7 XML, FCPXML, EDL) only formats it.
 *
 * Frames are placed by rounding each cut's time, never each duration: a shot's length in frames
 * may differ by one from `duration × rate`, but the cuts stay where the animatic has them and the
 * total never drifts, at 23.976 as at 25.
 */

export interface MediaFile {
  /** Path inside the package, `/`-separated: `frames/3A.png`, `audio/3A-dialogue.wav`. */
  readonly path: string;
  readonly hash: AssetHash | null;
  readonly kind: 'image' | 'audio';
  /** False when this browser lacks the bytes: the timeline still points at the file (offline). */
  readonly present: boolean;
}

/** Where the picture sits: `scale` 1 fills the frame; x and y move it by fractions of the frame. */
export interface CameraTransform {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export interface EditClip {
  readonly shotId: ShotId;
  readonly shotNumber: string;
  readonly sceneId: SceneId;
  readonly media: MediaFile;
  /** Frames from the timeline's start. */
  readonly recordIn: number;
  readonly duration: number;
  /** The shot's stored duration, kept so a conform can tell an unchanged clip from a retimed one. */
  readonly durationMs: number;
  /** Camera at the clip's first and last frame; null for a locked-off full frame. */
  readonly camera: { readonly start: CameraTransform; readonly end: CameraTransform } | null;
  readonly action: string;
  readonly dialogue: string;
  readonly notes: string;
}

export interface EditTransition {
  /** Index of the outgoing clip; the incoming one follows it. */
  readonly outgoing: number;
  readonly kind: Exclude<TransitionKind, 'cut'>;
  /** The cut the transition is centred on, in frames from the timeline's start. */
  readonly cutFrame: number;
  /** Frames before the cut (taken from the outgoing clip) and after it (from the incoming one). */
  readonly inOffset: number;
  readonly outOffset: number;
}

export interface EditMarker {
  readonly sceneId: SceneId;
  readonly sceneNumber: string;
  readonly heading: string;
  readonly frame: number;
}

export interface EditAudioClip {
  readonly audioClipId: string;
  readonly shotId: ShotId;
  readonly kind: AudioClipKind;
  readonly volume: number;
  readonly media: MediaFile;
  readonly recordIn: number;
  /** Frames into the recording where the clip starts (a pre-lap before the first shot is cut). */
  readonly sourceIn: number;
  readonly duration: number;
  /** Audio track, from 0: clips that overlap go on different lanes. */
  readonly lane: number;
}

export interface EditTimeline {
  readonly title: string;
  readonly rate: TimelineRate;
  readonly width: number;
  readonly height: number;
  readonly totalFrames: number;
  readonly clips: readonly EditClip[];
  readonly transitions: readonly EditTransition[];
  readonly markers: readonly EditMarker[];
  readonly audio: readonly EditAudioClip[];
  readonly audioLanes: number;
  /** Every file the timeline points at, each once. */
  readonly media: readonly MediaFile[];
}

/** What the package knows about each asset: its file extension, or null when it is missing. */
export type AssetExtension = (hash: AssetHash) => string | null;

const FRAME_WIDTH = 1920;
const DEFAULT_IMAGE_EXTENSION = 'png';
const DEFAULT_AUDIO_EXTENSION = 'wav';

function frameHeight(aspect: string): number {
  const [w, h] = aspect.split(':').map(Number);
  const height = Math.round((FRAME_WIDTH * (h || 9)) / (w || 16));
  return height + (height % 2); // encoders and NLE presets want even sizes
}

function transformOf(rect: FramingRect): CameraTransform {
  const scale = 1 / rect.w;
  return {
    scale,
    x: (0.5 - (rect.x + rect.w / 2)) * scale,
    y: (0.5 - (rect.y + rect.h / 2)) * (1 / rect.h),
  };
}

function isFullFrame(rect: FramingRect): boolean {
  return rect.x === 0 && rect.y === 0 && rect.w === 1 && rect.h === 1;
}

function cameraOf(shot: Shot): EditClip['camera'] {
  const framing = framingFor(shot);
  if (isFullFrame(framing.start) && isFullFrame(framing.end)) return null;
  return { start: transformOf(framing.start), end: transformOf(framing.end) };
}

function dialogueText(shot: Shot): string {
  return shot.dialogue.map((d) => `${d.speaker}: ${d.line}`).join('\n');
}

export function buildEditTimeline(
  snapshot: ProjectSnapshot,
  rateId: TimelineRateId,
  extensionOf: AssetExtension = () => DEFAULT_IMAGE_EXTENSION,
): EditTimeline {
  const rate = timelineRate(rateId);
  const shots = timelineShots(snapshot);
  const starts = shotStartTimes(shots.map((s) => s.durationMs));
  const endMs = starts.length ? (starts.at(-1) ?? 0) + (shots.at(-1)?.durationMs ?? 0) : 0;
  const cutFrames = [...starts.map((t) => msToFrame(t, rate)), msToFrame(endMs, rate)];
  const taken = new Set<string>();
  const media: MediaFile[] = [];

  const clips: EditClip[] = shots.map((shot, i) => {
    const ext = shot.frameHash ? extensionOf(shot.frameHash) : null;
    const file: MediaFile = {
      path: `frames/${uniqueStem(safeFileStem(shot.number), taken)}.${ext ?? DEFAULT_IMAGE_EXTENSION}`,
      hash: shot.frameHash,
      kind: 'image',
      present: ext !== null,
    };
    media.push(file);
    const recordIn = cutFrames[i] ?? 0;
    return {
      shotId: shot.id,
      shotNumber: shot.number,
      sceneId: shot.sceneId,
      media: file,
      recordIn,
      duration: (cutFrames[i + 1] ?? recordIn) - recordIn,
      durationMs: shot.durationMs,
      camera: cameraOf(shot),
      action: shot.action,
      dialogue: dialogueText(shot),
      notes: shot.notes,
    };
  });

  return {
    title: snapshot.meta.title,
    rate,
    width: FRAME_WIDTH,
    height: frameHeight(snapshot.meta.aspectRatio),
    totalFrames: cutFrames.at(-1) ?? 0,
    clips,
    transitions: transitionsOf(shots, clips, rate),
    markers: markersOf(snapshot, clips),
    ...audioOf(shots, starts, cutFrames.at(-1) ?? 0, rate, extensionOf, media),
    media,
  };
}

function transitionsOf(
  shots: readonly Shot[],
  clips: readonly EditClip[],
  rate: TimelineRate,
): EditTransition[] {
  const out: EditTransition[] = [];
  for (let i = 0; i < shots.length - 1; i++) {
    const a = shots[i];
    const b = shots[i + 1];
    const clipA = clips[i];
    const clipB = clips[i + 1];
    if (!a || !b || !clipA || !clipB || a.transitionOut.kind === 'cut') continue;
    const frames = msToFrame(
      effectiveTransitionMs(a.transitionOut, a.durationMs, b.durationMs),
      rate,
    );
    // Centred on the cut; an odd length gives the extra frame to the incoming shot.
    const inOffset = Math.min(Math.floor(frames / 2), clipA.duration);
    const outOffset = Math.min(frames - Math.floor(frames / 2), clipB.duration);
    if (inOffset + outOffset <= 0) continue;
    out.push({
      outgoing: i,
      kind: a.transitionOut.kind,
      cutFrame: clipB.recordIn,
      inOffset,
      outOffset,
    });
  }
  return out;
}

function markersOf(snapshot: ProjectSnapshot, clips: readonly EditClip[]): EditMarker[] {
  const scenes = new Map(snapshot.scenes.map((s) => [s.id, s]));
  const markers: EditMarker[] = [];
  let previous: SceneId | null = null;
  for (const clip of clips) {
    if (clip.sceneId === previous) continue;
    previous = clip.sceneId;
    const scene = scenes.get(clip.sceneId);
    markers.push({
      sceneId: clip.sceneId,
      sceneNumber: scene?.number ?? '',
      heading: scene?.heading ?? '',
      frame: clip.recordIn,
    });
  }
  return markers;
}

function audioOf(
  shots: readonly Shot[],
  starts: readonly number[],
  totalFrames: number,
  rate: TimelineRate,
  extensionOf: AssetExtension,
  media: MediaFile[],
): { audio: EditAudioClip[]; audioLanes: number } {
  const files = new Map<AssetHash, MediaFile>();
  const taken = new Set<string>();
  const placed: Omit<EditAudioClip, 'lane'>[] = [];
  shots.forEach((shot, i) => {
    for (const clip of shot.audio) {
      const startMs = (starts[i] ?? 0) + clip.offsetMs;
      const recordIn = msToFrame(Math.max(0, startMs), rate);
      const recordOut = Math.min(totalFrames, msToFrame(startMs + clip.durationMs, rate));
      if (recordOut <= recordIn) continue;
      let file = files.get(clip.assetHash);
      if (!file) {
        const ext = extensionOf(clip.assetHash);
        const stem = uniqueStem(`${safeFileStem(shot.number)}-${clip.kind}`, taken);
        file = {
          path: `audio/${stem}.${ext ?? DEFAULT_AUDIO_EXTENSION}`,
          hash: clip.assetHash,
          kind: 'audio',
          present: ext !== null,
        };
        files.set(clip.assetHash, file);
        media.push(file);
      }
      placed.push({
        audioClipId: clip.id,
        shotId: shot.id,
        kind: clip.kind,
        volume: clip.volume,
        media: file,
        recordIn,
        sourceIn: msToFrame(Math.max(0, -startMs), rate),
        duration: recordOut - recordIn,
      });
    }
  });
  placed.sort((a, b) => a.recordIn - b.recordIn);
  const laneEnds: number[] = [];
  const audio = placed.map((clip) => {
    let lane = laneEnds.findIndex((end) => end <= clip.recordIn);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = clip.recordIn + clip.duration;
    return { ...clip, lane };
  });
  return { audio, audioLanes: laneEnds.length };
}
