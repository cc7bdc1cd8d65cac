import { describe, expect, test } from 'vitest';
import { timelineProject } from '../../../tests/helpers/timelineProject';
import { buildEditTimeline } from './editTimeline';
import { readEdl } from './edlReader';
import { writeEdl } from './edlWriter';
import { readFcp7 } from './fcp7Reader';
import { writeFcp7 } from './fcp7Writer';
import { EditReadError } from './importedEdit';
import { readOtio } from './otioReader';
import { writeOtio } from './otioWriter';
import { TIMELINE_RATE_IDS, timelineRate } from './rates';

const formats = [
  ['OTIO', (t: Parameters<typeof writeOtio>[0]) => readOtio(writeOtio(t))],
  ['FCP7 XML', (t: Parameters<typeof writeOtio>[0]) => readFcp7(writeFcp7(t))],
  ['EDL', (t: Parameters<typeof writeOtio>[0]) => readEdl(writeEdl(t), timelineRate('24'))],
] as const;

describe.each(formats)('%s read back', (_name, roundTrip) => {
  test.each(TIMELINE_RATE_IDS)('keeps order, shot ids, media and durations at %s fps', (id) => {
    const timeline = buildEditTimeline(timelineProject(), id);
    const edit = roundTrip(timeline);
    expect(edit.rate.id).toBe(id);
    const dissolves = new Map(
      timeline.transitions.map((t) => [t.outgoing, t.inOffset + t.outOffset]),
    );
    expect(edit.clips).toEqual(
      timeline.clips.map((c, i) => ({
        shotId: c.shotId,
        name: c.shotNumber,
        mediaStem: c.shotNumber,
        duration: c.duration,
        transitionOut: dissolves.get(i) ?? 0,
      })),
    );
    expect(edit.clips.filter((c) => c.transitionOut > 0)).toHaveLength(2);
  });
});

describe('readers refuse what they cannot read, with a reason', () => {
  test('OTIO', () => {
    expect(() => readOtio('{')).toThrow(EditReadError);
    expect(() => readOtio('{"OTIO_SCHEMA":"Clip.2"}')).toThrow(/no Timeline/);
  });
  test('FCP7 XML', () => {
    expect(() => readFcp7('<fcpxml version="1.10"/>')).toThrow(/no xmeml sequence/);
  });
  test('EDL', () => {
    expect(() => readEdl('TITLE: x\n', timelineRate('24'))).toThrow(/no video events/);
  });
});

describe('files from editors', () => {
  test('an FCP7 clip meeting a transition at -1 is cut at the transition centre', () => {
    const xml = `<?xml version="1.0"?><xmeml version="4"><sequence><rate><timebase>25</timebase><ntsc>FALSE</ntsc></rate>
      <media><video><track>
        <clipitem id="a"><name>1</name><start>0</start><end>-1</end><file id="f1"><name>1.png</name></file></clipitem>
        <transitionitem><start>90</start><end>110</end><alignment>center</alignment></transitionitem>
        <clipitem id="b"><name>1A</name><start>-1</start><end>150</end><file id="f1"/></clipitem>
      </track></video></media></sequence></xmeml>`;
    const edit = readFcp7(xml);
    expect(edit.clips.map((c) => [c.name, c.duration, c.mediaStem, c.transitionOut])).toEqual([
      ['1', 100, '1', 20],
      ['1A', 50, '1', 0],
    ]);
  });

  test('an EDL without our rate comment uses the rate it is given; drop frame means 29.97', () => {
    const edl = [
      'TITLE: cut',
      'FCM: NON-DROP FRAME',
      '001  AX       V     C        00:00:00:00 00:00:02:00 01:00:00:00 01:00:02:00',
      '* FROM CLIP NAME: 3A.png',
      '002  AX       A     C        00:00:00:00 00:00:09:00 01:00:00:00 01:00:09:00',
    ].join('\n');
    const edit = readEdl(edl, timelineRate('25'));
    expect(edit.rate.id).toBe('25');
    expect(edit.clips).toEqual([
      { shotId: null, name: '3A', mediaStem: '3A', duration: 50, transitionOut: 0 },
    ]);
    expect(readEdl(edl.replace('NON-DROP', 'DROP'), timelineRate('25')).rate.id).toBe('29.97');
  });
});
