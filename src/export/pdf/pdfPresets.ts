import { z } from 'zod';
import { DEFAULT_PDF_OPTIONS, pdfOptionsSchema, type PdfOptions } from './pdfOptions';

/**
 * PDF presets: named option sets, kept in this browser and shared as small JSON files. A preset
 * holds only how the PDF looks (pdfOptions.ts), never which scenes: it fits any project.
 */
export const PRESET_FILE_TYPE = 'frameline.pdf-preset/1';
const PRESET_NAME_MAX = 80;
/** Presets are settings, not data: a file bigger than this is not one. */
export const PRESET_FILE_MAX_BYTES = 16_384;

export interface PdfPreset {
  readonly name: string;
  readonly options: PdfOptions;
}

const presetFileSchema = z.object({
  type: z.literal(PRESET_FILE_TYPE),
  name: z.string().trim().min(1).max(PRESET_NAME_MAX),
  options: pdfOptionsSchema,
});

export function presetFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
  return `${slug || 'pdf-preset'}.pdf-preset.json`;
}

export function presetToJson(preset: PdfPreset): string {
  return `${JSON.stringify({ type: PRESET_FILE_TYPE, name: preset.name, options: preset.options }, null, 2)}\n`;
}

export type PresetRead =
  | { readonly ok: true; readonly preset: PdfPreset }
  | { readonly ok: false; readonly error: string };

/**
 * Reads a preset file. Options a newer build added and this one does not know are dropped, and
 * ones the file leaves out take their defaults; a value out of range refuses the file, saying
 * which.
 */
export function presetFromJson(text: string): PresetRead {
  if (text.length > PRESET_FILE_MAX_BYTES)
    return { ok: false, error: 'This file is too big to be a PDF preset.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a PDF preset (it is not JSON).' };
  }
  const parsed = presetFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    if (where === 'type') return { ok: false, error: 'This file is not a Frameline PDF preset.' };
    return {
      ok: false,
      error: `This PDF preset has an unusable ${where || 'value'}: ${issue?.message ?? 'invalid'}.`,
    };
  }
  return { ok: true, preset: { name: parsed.data.name, options: parsed.data.options } };
}

/** Where this browser keeps its presets (localStorage in the app, a Map in tests). */
export interface PresetStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'frameline.pdfPresets.v1';

export function loadPresets(storage: PresetStorage): PdfPreset[] {
  let list: unknown;
  try {
    list = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  // One unreadable preset (a newer build's, a damaged one) never hides the others.
  return list.flatMap((item: unknown) => {
    const read = presetFromJson(JSON.stringify({ type: PRESET_FILE_TYPE, ...(item as object) }));
    return read.ok ? [read.preset] : [];
  });
}

/** Saves a preset under its name, replacing one of the same name. Returns the new list. */
export function savePreset(storage: PresetStorage, preset: PdfPreset): PdfPreset[] {
  const name = preset.name.trim().slice(0, PRESET_NAME_MAX);
  const next = [
    ...loadPresets(storage).filter((p) => p.name !== name),
    { name, options: preset.options },
  ];
  next.sort((a, b) => a.name.localeCompare(b.name));
  storage.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}

export function deletePreset(storage: PresetStorage, name: string): PdfPreset[] {
  const next = loadPresets(storage).filter((p) => p.name !== name);
  storage.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}

export const DEFAULT_PRESET: PdfPreset = { name: 'Default', options: DEFAULT_PDF_OPTIONS };
