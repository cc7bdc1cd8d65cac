import { describe, expect, test } from 'vitest';
import { timelineProject } from '../../tests/helpers/timelineProject';
import { buildEditTimeline } from '../export/timeline/editTimeline';
import { writeEdl } from '../export/timeline/edlWriter';
import { writeFcp7 } from '../export/timeline/fcp7Writer';
import { writeFcpxml } from '../export/timeline/fcpxmlWriter';
import { writeOtio } from '../export/timeline/otioWriter';
import { planConformFromFile, readEdit } from './conformEdit';
import { makeDeliverable } from './deliverables';

const project = timelineProject();
const timeline = buildEditTimeline(project, '25');

describe('Import edit', () => {
  test('tells the formats apart by their content, whatever the file is called', () => {
    expect(readEdit('cut.txt', writeOtio(timeline), project).format).toBe('otio');
    expect(readEdit('cut.txt', `\uFEFF${writeFcp7(timeline)}`, project).format).toBe('fcp7');
    expect(readEdit('cut.txt', writeEdl(timeline), project).format).toBe('edl');
    expect(() => readEdit('cut.fcpxml', writeFcpxml(timeline), project)).toThrow(
      /FCPXML cannot be conformed/,
    );
    expect(() => readEdit('notes.txt', 'hello', project)).toThrow(/not an OpenTimelineIO file/);
  });

  test('an untouched file plans no change', async () => {
    const file = new File([writeOtio(timeline)], 'cut.otio');
    expect((await planConformFromFile(file, project)).unchanged).toBe(true);
  });
});

describe('deliverables', () => {
  test('the CSV shot list has a row per shot under its header', async () => {
    const file = await makeDeliverable(
      { kind: 'shotListCsv' },
      {
        projectId: 'p',
        snapshot: project,
        approvals: new Map(),
        comments: [],
        assets: { get: () => Promise.resolve(undefined) },
      },
    );
    expect(file.fileName).toBe('the-last-birthday-card-shot-list.csv');
    const text = await file.blob.text();
    // Records end in CRLF; the line breaks inside 1A's quoted dialogue are bare LF.
    expect(text.trim().split('\r\n')).toHaveLength(1 + 4);
  });
});
