import { z } from 'zod';

/**
 * What a PDF of the boards looks like: everything the Export PDF dialog sets, and what a preset
 * file holds. Never project data (no scene ids in a preset that is shared between projects: the
 * scene and range selection live apart, in PdfSelection).
 */

/** Paper sizes in PDF points (1/72 inch), portrait. ISO sizes rounded as every PDF writer does. */
export const PAPER_SIZES = {
  A4: { widthPt: 595.28, heightPt: 841.89, label: 'A4' },
  A3: { widthPt: 841.89, heightPt: 1190.55, label: 'A3' },
  Letter: { widthPt: 612, heightPt: 792, label: 'Letter' },
  Legal: { widthPt: 612, heightPt: 1008, label: 'Legal' },
  Tabloid: { widthPt: 792, heightPt: 1224, label: '11 × 17' },
} as const;
export type PaperName = keyof typeof PAPER_SIZES;
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];

/** The layouts a production asks for by number; any other count is a custom grid. */
export const BOARDS_PER_PAGE = [1, 2, 3, 4, 6, 9, 12] as const;
export const MAX_GRID = 8;

export const PDF_FIELDS = [
  'shotNumber',
  'sceneHeading',
  'frame',
  'action',
  'dialogue',
  'notes',
  'duration',
  'camera',
  'comments',
  'approval',
] as const;
export type PdfField = (typeof PDF_FIELDS)[number];

export const PDF_FIELD_LABELS: Record<PdfField, string> = {
  shotNumber: 'Shot number',
  sceneHeading: 'Scene heading',
  frame: 'Frame',
  action: 'Action',
  dialogue: 'Dialogue',
  notes: 'Notes',
  duration: 'Duration',
  camera: 'Shot type, angle, move',
  comments: 'Comments',
  approval: 'Approval',
};

const gridSide = z.number().int().min(1).max(MAX_GRID);

export const pdfLayoutSchema = z.discriminatedUnion('kind', [
  /** 1, 2, 3, 4, 6, 9 or 12 boards: the grid that gives the largest frames is chosen. */
  z.object({
    kind: z.literal('perPage'),
    boards: z.literal(BOARDS_PER_PAGE),
  }),
  /** Exactly this many columns and rows (up to 8 × 8). */
  z.object({ kind: z.literal('grid'), columns: gridSide, rows: gridSide }),
]);
export type PdfLayout = z.output<typeof pdfLayoutSchema>;

export const pdfOptionsSchema = z.object({
  paper: z.enum(PAPER_NAMES as [PaperName, ...PaperName[]]).default('A4'),
  orientation: z.enum(['portrait', 'landscape']).default('landscape'),
  layout: pdfLayoutSchema.default({ kind: 'perPage', boards: 6 }),
  /** Horizontal: text below the frame. Vertical: text beside it (the Japanese layout). */
  direction: z.enum(['horizontal', 'vertical']).default('horizontal'),
  /** Empty frames to draw on paper instead of the project's boards. */
  worksheet: z.boolean().default(false),
  worksheetPages: z.number().int().min(1).max(100).default(1),
  fields: z
    .array(z.enum(PDF_FIELDS))
    .default(['shotNumber', 'sceneHeading', 'frame', 'action', 'dialogue', 'duration', 'camera']),
  cover: z.boolean().default(true),
  header: z.boolean().default(true),
  footer: z.boolean().default(true),
  blackAndWhite: z.boolean().default(false),
});
export type PdfOptions = z.output<typeof pdfOptionsSchema>;

export const DEFAULT_PDF_OPTIONS: PdfOptions = pdfOptionsSchema.parse({});

/** Which boards go in: scenes (none listed = all) and an inclusive range of shot numbers. */
export interface PdfSelection {
  readonly sceneIds: readonly string[];
  /** Shot numbers as printed; empty = from the first / to the last. */
  readonly fromShot: string;
  readonly toShot: string;
}

export const ALL_BOARDS: PdfSelection = { sceneIds: [], fromShot: '', toShot: '' };

export function hasField(options: Pick<PdfOptions, 'fields'>, field: PdfField): boolean {
  return options.fields.includes(field);
}
