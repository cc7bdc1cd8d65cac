import type {
  CameraTransform,
  EditAudioClip,
  EditClip,
  EditTimeline,
  MediaFile,
} from './editTimeline';
import { FCP7_SHOT_NOTE } from './fcp7Writer';
import { encodePath } from './mediaNames';
import type { TimelineRate } from './rates';
import { programmeStartFrame } from './timecode';
import { xmlEscape as x } from './xmlText';

/**
 * FCPXML 1.10 for Final Cut Pro. Times are rational seconds (`1001/24000s` a frame at 23.976),
 * each still is an asset used as a `video` in the spine, a dissolve is a spine `transition`
 * overlapping its two clips, sound clips hang under the picture as connected clips (negative
 * lanes), scene markers sit on each scene's first clip and camera moves are `adjust-transform`
 * position and scale keyframes (position in percent of the frame's height, as Final Cut counts).
 * Each clip's `note` carries its shot id (`frameline-shot:<id>`, as in FCP7 XML). Child order
 * follows the FCPXML 1.10 DTD: note, adjust-transform, connected clips, markers.
 */

const CROSS_DISSOLVE_UID = 'FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265';

/** Final Cut's own names for 1080p at each rate; another frame size gets an unnamed format. */
const FORMAT_NAMES: Record<TimelineRate['id'], string> = {
  '23.976': 'FFVideoFormat1080p2398',
  '24': 'FFVideoFormat1080p24',
  '25': 'FFVideoFormat1080p25',
  '29.97': 'FFVideoFormat1080p2997',
  '30': 'FFVideoFormat1080p30',
};

function seconds(frames: number, rate: TimelineRate): string {
  return frames === 0 ? '0s' : `${frames * rate.den}/${rate.num}s`;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function transformXml(clip: EditClip, timeline: EditTimeline): string {
  if (!clip.camera) return '';
  const t = (frames: number) => seconds(frames, timeline.rate);
  const aspect = timeline.width / timeline.height;
  // Final Cut's position: percent of frame height, y up; ours: fractions of width/height, y down.
  const position = (c: CameraTransform) => `${round(c.x * aspect * 100)} ${round(-c.y * 100)}`;
  const scale = (c: CameraTransform) => `${round(c.scale)} ${round(c.scale)}`;
  const { start, end } = clip.camera;
  const param = (name: string, value: (c: CameraTransform) => string) =>
    `<param name="${name}"><keyframeAnimation><keyframe time="0s" value="${value(start)}"/>` +
    `<keyframe time="${t(clip.duration)}" value="${value(end)}"/></keyframeAnimation></param>`;
  return (
    `<adjust-transform position="${position(start)}" scale="${scale(start)}">` +
    `${param('position', position)}${param('scale', scale)}</adjust-transform>`
  );
}

export function writeFcpxml(timeline: EditTimeline): string {
  const { rate } = timeline;
  const t = (frames: number) => seconds(frames, rate);
  const assetIds = new Map<string, string>();
  const resources: string[] = [];
  const standard = timeline.width === 1920 && timeline.height === 1080;
  resources.push(
    `<format id="r1"${standard ? ` name="${FORMAT_NAMES[rate.id]}"` : ''} frameDuration="${t(1)}" ` +
      `width="${timeline.width}" height="${timeline.height}"/>`,
    `<effect id="r2" name="Cross Dissolve" uid="${CROSS_DISSOLVE_UID}"/>`,
  );
  const assetOf = (file: MediaFile, duration: number) => {
    let id = assetIds.get(file.path);
    if (id) return id;
    id = `r${assetIds.size + 3}`;
    assetIds.set(file.path, id);
    const name = file.path.split('/').pop() ?? file.path;
    const kind =
      file.kind === 'image'
        ? 'start="0s" duration="0s" hasVideo="1" videoSources="1"'
        : `start="0s" duration="${t(duration)}" hasAudio="1" audioSources="1" audioChannels="1"`;
    resources.push(
      `<asset id="${id}" name="${x(name)}" ${kind}><media-rep kind="original-media" src="${x(encodePath(file.path))}"/></asset>`,
    );
    return id;
  };

  const start = programmeStartFrame(rate);
  const transitions = new Map(timeline.transitions.map((tr) => [tr.outgoing, tr]));
  const markers = new Map(timeline.markers.map((m) => [m.frame, m]));
  const audioByClip = new Map<number, EditAudioClip[]>();
  for (const sound of timeline.audio) {
    const owner = timeline.clips.findLastIndex((c) => c.recordIn <= sound.recordIn);
    audioByClip.set(Math.max(0, owner), [...(audioByClip.get(Math.max(0, owner)) ?? []), sound]);
  }

  const spine = timeline.clips
    .map((clip, i) => {
      const sounds = (audioByClip.get(i) ?? [])
        .map(
          (s) =>
            `<asset-clip ref="${assetOf(s.media, s.sourceIn + s.duration)}" lane="${-(s.lane + 1)}" ` +
            `offset="${t(s.recordIn - clip.recordIn)}" name="${x(s.media.path.split('/').pop() ?? '')}" ` +
            `start="${t(s.sourceIn)}" duration="${t(s.duration)}"/>`,
        )
        .join('');
      const marker = markers.get(clip.recordIn);
      const markerXml = marker
        ? `<marker start="0s" duration="${t(1)}" value="${x(`${marker.sceneNumber} ${marker.heading}`.trim())}"/>`
        : '';
      const video =
        `<video ref="${assetOf(clip.media, 0)}" offset="${t(start + clip.recordIn)}" name="${x(clip.shotNumber)}" ` +
        `start="0s" duration="${t(clip.duration)}"><note>${FCP7_SHOT_NOTE}${x(clip.shotId)}</note>` +
        `${transformXml(clip, timeline)}${sounds}${markerXml}</video>`;
      const tr = transitions.get(i);
      if (!tr) return video;
      return (
        `${video}\n<transition name="Cross Dissolve" offset="${t(start + tr.cutFrame - tr.inOffset)}" ` +
        `duration="${t(tr.inOffset + tr.outOffset)}"><filter-video ref="r2" name="Cross Dissolve"/></transition>`
      );
    })
    .join('\n');

  const title = x(timeline.title || 'Frameline');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE fcpxml>',
    '<fcpxml version="1.10">',
    `<resources>\n${resources.join('\n')}\n</resources>`,
    `<library><event name="${title}"><project name="${title}">`,
    `<sequence format="r1" duration="${t(timeline.totalFrames)}" tcStart="${t(start)}" ` +
      `tcFormat="${rate.dropFrame ? 'DF' : 'NDF'}" audioLayout="stereo" audioRate="48k"><spine>`,
    spine,
    '</spine></sequence></project></event></library>',
    '</fcpxml>',
    '',
  ].join('\n');
}
