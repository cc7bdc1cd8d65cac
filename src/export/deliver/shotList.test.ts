import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { SEED, timelineProject } from '../../../tests/helpers/timelineProject';
import type { Approval } from '../../model/approval';
import type { ShotId } from '../../model/ids';
import { SHOT_LIST_COLUMNS, shotListCsv, shotListRows, shotListXlsx } from './shotList';

const approvals = new Map<ShotId, Approval>([
  [
    SEED.shot1A,
    {
      shotId: SEED.shot1A,
      state: 'approved',
      author: { name: 'Ana', color: '#336699', publicKey: '' },
      setAt: 1,
      signature: '',
    },
  ],
]);

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

describe('shot list', () => {
  test('one row per shot of the animatic, with the columns a production asks for', () => {
    const rows = shotListRows(timelineProject(), approvals);
    expect(rows.map((r) => r.shot)).toEqual(['1', '1A', '1B', '2']);
    expect(rows[1]).toMatchObject({
      scene: '1 INT. GARAGE - NIGHT',
      type: 'Medium shot',
      move: 'Pan',
      durationSeconds: 2.35,
      characters: 'BRICK, STEEL',
      approval: 'Approved',
    });
    expect(rows[1]?.dialogue.split('\n')).toHaveLength(3);
    expect(rows[0]?.approval).toBe('Draft');
  });

  test('CSV: BOM, CRLF, quoted commas, quotes and line breaks; formulas made inert', () => {
    const project = timelineProject();
    const shots = project.shots.map((s, i) =>
      i === 0 ? { ...s, action: 'He says "no", then\nleaves', notes: '=HYPERLINK("x")' } : s,
    );
    const csv = shotListCsv(shotListRows({ ...project, shots }));
    expect(csv.startsWith('\uFEFFShot,Scene,Type,Angle,Move,Lens,Duration (s),Action,')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === SHOT_LIST_COLUMNS.length)).toBe(true);
    expect(rows[1]?.[7]).toBe('He says "no", then\nleaves');
    expect(rows[1]?.[10]).toBe(`'=HYPERLINK("x")`);
    expect(rows[1]?.[6]).toBe('4');
  });

  test('XLSX: a workbook whose sheet holds every shot', async () => {
    const blob = await shotListXlsx(shotListRows(timelineProject(), approvals), 'The Last: Card');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']),
    );
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect(workbook).toContain('name="The Last  Card"');
    const strings = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('');
    for (const text of ['Shot', 'Approval', '1A', '1B', 'INT. GARAGE - NIGHT', 'Approved']) {
      expect(strings).toContain(text);
    }
  });
});
