import { APPROVAL_LABELS, type Approval } from '../../model/approval';
import { CAMERA_ANGLE_LABELS, CAMERA_MOVE_LABELS, SHOT_TYPE_LABELS } from '../../model/camera';
import type { ShotId } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';

/**
 * The shot list a production asks for: one row per shot of the animatic (OMITTED shots are cut
 * and left out), in board order. Lens has no field in Frameline yet; the column is there, empty,
 * so a spreadsheet made from it has the place to fill in on set.
 */
export const SHOT_LIST_COLUMNS = [
  'Shot',
  'Scene',
  'Type',
  'Angle',
  'Move',
  'Lens',
  'Duration (s)',
  'Action',
  'Dialogue',
  'Characters',
  'Notes',
  'Approval',
] as const;

export interface ShotListRow {
  readonly shot: string;
  readonly scene: string;
  readonly type: string;
  readonly angle: string;
  readonly move: string;
  readonly lens: string;
  /** Seconds, to the millisecond: a number a spreadsheet can add up. */
  readonly durationSeconds: number;
  readonly action: string;
  readonly dialogue: string;
  readonly characters: string;
  readonly notes: string;
  readonly approval: string;
}

export function shotListRows(
  snapshot: ProjectSnapshot,
  approvals: ReadonlyMap<ShotId, Approval> = new Map(),
): ShotListRow[] {
  const scenes = new Map(snapshot.scenes.map((s) => [s.id, s]));
  const characters = new Map(snapshot.characters.map((c) => [c.id, c.name]));
  return timelineShots(snapshot).map((shot) => {
    const scene = scenes.get(shot.sceneId);
    return {
      shot: shot.number,
      scene: scene ? `${scene.number} ${scene.heading}`.trim() : '',
      type: SHOT_TYPE_LABELS[shot.shotType],
      angle: CAMERA_ANGLE_LABELS[shot.cameraAngle],
      move: CAMERA_MOVE_LABELS[shot.cameraMove],
      lens: '',
      durationSeconds: shot.durationMs / 1000,
      action: shot.action,
      dialogue: shot.dialogue
        .map((d) => `${d.speaker}${d.parenthetical ? ` (${d.parenthetical})` : ''}: ${d.line}`)
        .join('\n'),
      characters: shot.characterIds
        .map((id) => characters.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
      notes: shot.notes,
      approval: APPROVAL_LABELS[approvals.get(shot.id)?.state ?? 'draft'],
    };
  });
}

export function rowValues(row: ShotListRow): (string | number)[] {
  return [
    row.shot,
    row.scene,
    row.type,
    row.angle,
    row.move,
    row.lens,
    row.durationSeconds,
    row.action,
    row.dialogue,
    row.characters,
    row.notes,
    row.approval,
  ];
}

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
 * leading apostrophe, as OWASP advises for CSV exports: a line of action pasted from anywhere
 * must not become `=HYPERLINK(…)` on the producer's machine. Numbers stay numbers.
 */
function inert(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: fields with a comma, quote or line break quoted, quotes doubled, CRLF between rows. */
function csvField(value: string | number): string {
  const text = inert(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte order mark, which is how Excel knows the file is not in the local code page. */
export function shotListCsv(rows: readonly ShotListRow[]): string {
  const lines = [SHOT_LIST_COLUMNS.map(csvField), ...rows.map((r) => rowValues(r).map(csvField))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** The XLSX (write-excel-file, loaded only when a shot list is exported). */
export async function shotListXlsx(rows: readonly ShotListRow[], title: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const header = SHOT_LIST_COLUMNS.map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    rowValues(row).map((value, i) =>
      typeof value === 'number'
        ? { value, type: Number, format: '0.000' }
        : { value, type: String, wrap: i >= 7 && i <= 10 },
    ),
  );
  return writeXlsxFile([header, ...body], {
    sheet: (title || 'Shot list').replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    columns: [8, 28, 18, 16, 12, 8, 12, 48, 48, 24, 32, 18].map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBlob();
}
