import { describe, expect, test } from 'vitest';
import { SEED, timelineProject } from '../../../tests/helpers/timelineProject';
import { buildEditTimeline } from './editTimeline';
import { writeOtio } from './otioWriter';

interface Node {
  OTIO_SCHEMA: string;
  [key: string]: unknown;
}

function parse(text: string): Node {
  return JSON.parse(text) as Node;
}

/** Every object in the tree that carries an OTIO schema name. */
function schemas(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => schemas(n, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.OTIO_SCHEMA === 'string') out.push(record.OTIO_SCHEMA);
    Object.values(record).forEach((v) => schemas(v, out));
  }
  return out;
}

describe('OpenTimelineIO writer', () => {
  test('writes only schema names and versions OTIO defines', () => {
    const otio = parse(writeOtio(buildEditTimeline(timelineProject(), '24')));
    expect(new Set(schemas(otio))).toEqual(
      new Set([
        'Timeline.1',
        'Stack.1',
        'Track.1',
        'Clip.2',
        'ExternalReference.1',
        'Transition.1',
        'Marker.2',
        'TimeRange.1',
        'RationalTime.1',
        'Gap.1',
      ]),
    );
  });

  test('a 23.976 timeline states its rate as 24000/1001 and starts at one hour', () => {
    const otio = parse(writeOtio(buildEditTimeline(timelineProject(), '23.976')));
    expect(otio.global_start_time).toEqual({
      OTIO_SCHEMA: 'RationalTime.1',
      rate: 24000 / 1001,
      value: 86_400,
    });
  });

  test('clips carry the shot id, frame-accurate durations and their frame file', () => {
    const timeline = buildEditTimeline(timelineProject(), '29.97');
    const otio = parse(writeOtio(timeline)) as unknown as {
      tracks: { children: { kind: string; children: Node[]; markers: Node[] }[] };
    };
    const [video, audio] = otio.tracks.children;
    expect(video?.kind).toBe('Video');
    expect(audio?.kind).toBe('Audio');
    const clips = video?.children.filter((c) => c.OTIO_SCHEMA === 'Clip.2') ?? [];
    expect(
      clips.map((c) => (c.metadata as { frameline: { shotId: string } }).frameline.shotId),
    ).toEqual([SEED.shot1, SEED.shot1A, SEED.shot1B, SEED.shot2]);
    expect(
      clips.map((c) => (c.source_range as { duration: { value: number } }).duration.value),
    ).toEqual(timeline.clips.map((c) => c.duration));
    expect(clips[1]?.media_references).toMatchObject({
      DEFAULT_MEDIA: { OTIO_SCHEMA: 'ExternalReference.1', target_url: 'frames/1A.png' },
    });
    const transitions = video?.children.filter((c) => c.OTIO_SCHEMA === 'Transition.1') ?? [];
    expect(transitions).toHaveLength(2);
    expect(transitions[0]).toMatchObject({ transition_type: 'SMPTE_Dissolve' });
    expect(video?.markers.map((m) => m.name)).toEqual([
      '1 INT. GARAGE - NIGHT',
      '2 EXT. ROOF - DAWN',
    ]);
    // The pre-lap starts half a second before 1A's cut: a gap, then the line.
    expect(audio?.children.map((c) => c.OTIO_SCHEMA)).toEqual(['Gap.1', 'Clip.2']);
  });
});
