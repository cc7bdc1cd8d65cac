import type {
  CameraTransform,
  EditAudioClip,
  EditClip,
  EditTimeline,
  MediaFile,
} from './editTimeline';
import { encodePath } from './mediaNames';
import type { TimelineRate } from './rates';
import { frameToTimecode, programmeStartFrame } from './timecode';
import { xmlEscape as x } from './xmlText';

/**
 * Final Cut Pro 7 XML (`xmeml` version 4), the interchange Premiere Pro and DaVinci Resolve
 * import. Clip start/end are the cuts; a dissolve is a `transitionitem` centred on its cut. Each
 * clip names its shot (`<name>`) and carries its id in `<logginginfo><lognote>`, which both
 * applications keep; camera moves are Basic Motion scale and centre keyframes.
 */

export const FCP7_SHOT_NOTE = 'frameline-shot:';
/** A still in FCP7 has no length of its own; this is the media duration it is given. */
const STILL_MEDIA_FRAMES = 108_000;

function rateXml(rate: TimelineRate): string {
  return `<rate><timebase>${rate.timebase}</timebase><ntsc>${rate.ntsc ? 'TRUE' : 'FALSE'}</ntsc></rate>`;
}

function fileXml(
  file: MediaFile,
  id: string,
  rate: TimelineRate,
  written: Set<string>,
  width: number,
  height: number,
): string {
  if (written.has(id)) return `<file id="${id}"/>`;
  written.add(id);
  const name = file.path.split('/').pop() ?? file.path;
  const media =
    file.kind === 'image'
      ? `<video><samplecharacteristics><width>${width}</width><height>${height}</height></samplecharacteristics></video>`
      : '<audio><channelcount>1</channelcount></audio>';
  return (
    `<file id="${id}"><name>${x(name)}</name><pathurl>${x(encodePath(file.path))}</pathurl>${rateXml(rate)}` +
    `<duration>${STILL_MEDIA_FRAMES}</duration><media>${media}</media></file>`
  );
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function motionXml(clip: EditClip): string {
  const camera = clip.camera;
  if (!camera) return '';
  const keys = (pick: (t: CameraTransform) => string) =>
    `<keyframe><when>0</when><value>${pick(camera.start)}</value></keyframe>` +
    `<keyframe><when>${clip.duration}</when><value>${pick(camera.end)}</value></keyframe>`;
  return (
    '<filter><effect><name>Basic Motion</name><effectid>basic</effectid><effectcategory>motion</effectcategory>' +
    '<effecttype>motion</effecttype><mediatype>video</mediatype>' +
    `<parameter><parameterid>scale</parameterid><name>Scale</name><valuemin>0</valuemin><valuemax>1000</valuemax>` +
    `<value>${round(clip.camera.start.scale * 100)}</value>${keys((t) => String(round(t.scale * 100)))}</parameter>` +
    `<parameter><parameterid>center</parameterid><name>Center</name>` +
    `<value><horiz>${round(clip.camera.start.x)}</horiz><vert>${round(clip.camera.start.y)}</vert></value>` +
    `${keys((t) => `<horiz>${round(t.x)}</horiz><vert>${round(t.y)}</vert>`)}</parameter>` +
    '</effect></filter>'
  );
}

export function writeFcp7(timeline: EditTimeline): string {
  const { rate } = timeline;
  const r = rateXml(rate);
  const written = new Set<string>();
  const fileIds = new Map<string, string>();
  const fileId = (file: MediaFile) => {
    let id = fileIds.get(file.path);
    if (!id) fileIds.set(file.path, (id = `file-${fileIds.size + 1}`));
    return id;
  };
  const file = (f: MediaFile) =>
    fileXml(f, fileId(f), rate, written, timeline.width, timeline.height);
  const transitions = new Map(timeline.transitions.map((t) => [t.outgoing, t]));

  const video = timeline.clips
    .map((clip, i) => {
      const item =
        `<clipitem id="clipitem-${i + 1}"><name>${x(clip.shotNumber)}</name><enabled>TRUE</enabled>` +
        `<duration>${STILL_MEDIA_FRAMES}</duration>${r}<start>${clip.recordIn}</start>` +
        `<end>${clip.recordIn + clip.duration}</end><in>0</in><out>${clip.duration}</out>${file(clip.media)}` +
        `<logginginfo><lognote>${FCP7_SHOT_NOTE}${x(clip.shotId)}</lognote></logginginfo>` +
        `<comments><mastercomment1>${x(clip.action)}</mastercomment1><mastercomment2>${x(clip.dialogue)}</mastercomment2>` +
        `<clipcommenta>${x(clip.notes)}</clipcommenta></comments>${motionXml(clip)}</clipitem>`;
      const t = transitions.get(i);
      if (!t) return item;
      return (
        `${item}<transitionitem>${r}<start>${t.cutFrame - t.inOffset}</start><end>${t.cutFrame + t.outOffset}</end>` +
        '<alignment>center</alignment><effect><name>Cross Dissolve</name><effectid>Cross Dissolve</effectid>' +
        '<effectcategory>Dissolve</effectcategory><effecttype>transition</effecttype><mediatype>video</mediatype>' +
        '</effect></transitionitem>'
      );
    })
    .join('\n');

  const audioTracks: string[] = [];
  for (let lane = 0; lane < timeline.audioLanes; lane++) {
    const items = timeline.audio
      .filter((clip) => clip.lane === lane)
      .map(
        (clip: EditAudioClip, i) =>
          `<clipitem id="audio-${lane + 1}-${i + 1}"><name>${x(clip.media.path.split('/').pop() ?? '')}</name>` +
          `<enabled>TRUE</enabled>${r}<start>${clip.recordIn}</start><end>${clip.recordIn + clip.duration}</end>` +
          `<in>${clip.sourceIn}</in><out>${clip.sourceIn + clip.duration}</out>${file(clip.media)}` +
          '<sourcetrack><mediatype>audio</mediatype><trackindex>1</trackindex></sourcetrack>' +
          `<logginginfo><lognote>${FCP7_SHOT_NOTE}${x(clip.shotId)}</lognote></logginginfo></clipitem>`,
      );
    audioTracks.push(`<track>\n${items.join('\n')}\n</track>`);
  }

  const start = programmeStartFrame(rate);
  const markers = timeline.markers
    .map(
      (m) =>
        `<marker><name>${x(`${m.sceneNumber} ${m.heading}`.trim())}</name><comment>${x(m.heading)}</comment>` +
        `<in>${m.frame}</in><out>-1</out></marker>`,
    )
    .join('\n');

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE xmeml>',
    '<xmeml version="4">',
    `<sequence id="sequence-1"><name>${x(timeline.title || 'Frameline')}</name>`,
    `<duration>${timeline.totalFrames}</duration>${r}`,
    `<timecode>${r}<string>${frameToTimecode(start, rate)}</string><frame>${start}</frame>` +
      `<displayformat>${rate.dropFrame ? 'DF' : 'NDF'}</displayformat></timecode>`,
    '<media><video><format><samplecharacteristics>' +
      `${r}<width>${timeline.width}</width><height>${timeline.height}</height>` +
      '<pixelaspectratio>square</pixelaspectratio></samplecharacteristics></format>',
    `<track>\n${video}\n</track></video>`,
    `<audio>${audioTracks.join('\n')}</audio></media>`,
    markers,
    '</sequence>',
    '</xmeml>',
    '',
  ].join('\n');
}
