import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { SEED, timelineProject } from '../../../tests/helpers/timelineProject';
import { xmllintErrors } from '../../../tests/helpers/xmllint';
import { buildEditTimeline } from './editTimeline';
import { writeFcp7 } from './fcp7Writer';
import { writeFcpxml } from './fcpxmlWriter';
import { TIMELINE_RATE_IDS } from './rates';

const tricky = () => {
  const project = timelineProject('Fish & <Chips> "Ünïcode" 日本');
  const shots = project.shots.map((s) => ({
    ...s,
    action: 'A < B & "C"\u0007 — ok',
    notes: ']]>',
  }));
  return { ...project, shots };
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe('FCP7 XML writer', () => {
  test.each(TIMELINE_RATE_IDS)('is well-formed at %s fps, with awkward text', (id) => {
    expect(xmllintErrors(writeFcp7(buildEditTimeline(tricky(), id)))).toBe('');
  });

  test('29.97 is timebase 30 NTSC, drop frame; clips cut where the timeline does', () => {
    const timeline = buildEditTimeline(timelineProject(), '29.97');
    const xml = writeFcp7(timeline);
    expect(xml).toContain('<rate><timebase>30</timebase><ntsc>TRUE</ntsc></rate>');
    expect(xml).toContain(
      '<string>01:00:00;00</string><frame>107892</frame><displayformat>DF</displayformat>',
    );
    const doc = parser.parse(xml) as {
      xmeml: {
        sequence: {
          media: {
            video: { track: { clipitem: { start: number; end: number; name: string | number }[] } };
          };
        };
      };
    };
    const items = doc.xmeml.sequence.media.video.track.clipitem;
    expect(items.map((c) => [String(c.name), c.start, c.end])).toEqual(
      timeline.clips.map((c) => [c.shotNumber, c.recordIn, c.recordIn + c.duration]),
    );
    expect(xml).toContain(`<lognote>frameline-shot:${SEED.shot1A}</lognote>`);
    expect(xml).toContain('<effectid>Cross Dissolve</effectid>');
    expect(xml).toContain('<parameterid>scale</parameterid>');
    expect(xml).toContain('<pathurl>frames/1A.png</pathurl>');
  });
});

describe('FCPXML 1.10 writer', () => {
  test.each(TIMELINE_RATE_IDS)('is well-formed at %s fps, with awkward text', (id) => {
    expect(xmllintErrors(writeFcpxml(buildEditTimeline(tricky(), id)))).toBe('');
  });

  test('times are rational seconds; the spine holds the clips in order', () => {
    const timeline = buildEditTimeline(timelineProject(), '23.976');
    const xml = writeFcpxml(timeline);
    expect(xml).toContain('<fcpxml version="1.10">');
    expect(xml).toContain('frameDuration="1001/24000s"');
    expect(xml).toContain('tcFormat="NDF"');
    const doc = parser.parse(xml) as {
      fcpxml: {
        library: {
          event: {
            project: {
              sequence: { spine: { video: { name: string | number; duration: string }[] } };
            };
          };
        };
      };
    };
    const videos = doc.fcpxml.library.event.project.sequence.spine.video;
    expect(videos.map((v) => String(v.name))).toEqual(['1', '1A', '1B', '2']);
    expect(videos.map((v) => v.duration)).toEqual(
      timeline.clips.map((c) => `${c.duration * 1001}/24000s`),
    );
    expect(xml).toContain('<transition name="Cross Dissolve"');
    expect(xml).toContain('<adjust-transform');
    expect(xml).toContain('lane="-1"');
    expect(xml).toContain(`<note>frameline-shot:${SEED.shot1A}</note>`);
    expect(xml).toContain('<marker start="0s" duration="1001/24000s" value="2 EXT. ROOF - DAWN"/>');
  });

  test('29.97 is drop frame', () => {
    expect(writeFcpxml(buildEditTimeline(timelineProject(), '29.97'))).toContain('tcFormat="DF"');
  });
});
