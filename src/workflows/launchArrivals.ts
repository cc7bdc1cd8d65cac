import { isScreenplayFileName } from '../export/screenplayExtensions';

/**
 * Files and text the operating system hands the app (share sheet, "Open with", the launch queue).
 * Nothing of it is imported until the person has seen it and said yes: any website can make a
 * browser navigate to the app, and an import can create projects and fill storage. This is what
 * the question shows for each item — its name, what kind of thing it is, its size, and what
 * importing it would create — and which of them the importers can take at all.
 */

export type ArrivalKind = 'bundle' | 'project' | 'screenplay' | 'text' | 'unsupported';

export type Arrival =
  | {
      readonly kind: Exclude<ArrivalKind, 'text'>;
      readonly name: string;
      readonly size: number;
      readonly file: File;
    }
  | { readonly kind: 'text'; readonly name: string; readonly size: number; readonly text: string };

/** How the items came: shared to the app, or opened with it. */
export type ArrivalSource = 'share' | 'open';

const BUNDLE_EXTENSION = '.frameline';
const PROJECT_EXTENSION = '.json';

export function kindOfFile(name: string): Exclude<ArrivalKind, 'text'> {
  const lower = name.toLowerCase();
  if (lower.endsWith(BUNDLE_EXTENSION)) return 'bundle';
  if (lower.endsWith(PROJECT_EXTENSION)) return 'project';
  if (isScreenplayFileName(lower)) return 'screenplay';
  return 'unsupported';
}

export function arrivalsFrom(files: readonly File[], texts: readonly string[] = []): Arrival[] {
  return [
    ...files.map((file) => ({
      kind: kindOfFile(file.name),
      name: file.name || 'Unnamed file',
      size: file.size,
      file,
    })),
    ...texts.map((text) => ({
      kind: 'text' as const,
      name: firstLine(text),
      size: new TextEncoder().encode(text).byteLength,
      text,
    })),
  ];
}

/** Shared text is named by its first line, shortened. */
function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (!line) return 'Shared text';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

const KIND_LABELS: Readonly<Record<ArrivalKind, string>> = {
  bundle: 'Frameline bundle',
  project: 'Frameline project file',
  screenplay: 'Screenplay',
  text: 'Shared text',
  unsupported: 'Not a file Frameline opens',
};

const CREATES: Readonly<Record<ArrivalKind, string>> = {
  bundle:
    'A project with the frames in the bundle. If you have that project already, you choose: replace it or keep both.',
  project: 'A new project with the frames in the file.',
  screenplay: 'A new project with the script’s scenes, each broken into shots.',
  text: 'A new project, reading the text as a screenplay.',
  unsupported: 'Nothing: it will be left out.',
};

export function kindLabel(kind: ArrivalKind): string {
  return KIND_LABELS[kind];
}

export function whatItCreates(kind: ArrivalKind): string {
  return CREATES[kind];
}

export function isImportable(arrival: Arrival): boolean {
  return arrival.kind !== 'unsupported';
}
