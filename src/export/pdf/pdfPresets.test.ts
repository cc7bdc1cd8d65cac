import { describe, expect, test } from 'vitest';
import { DEFAULT_PDF_OPTIONS, type PdfOptions } from './pdfOptions';
import {
  deletePreset,
  loadPresets,
  PRESET_FILE_TYPE,
  presetFileName,
  presetFromJson,
  presetToJson,
  savePreset,
  type PresetStorage,
} from './pdfPresets';

function memoryStorage(): PresetStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const JAPANESE: PdfOptions = {
  ...DEFAULT_PDF_OPTIONS,
  paper: 'A3',
  orientation: 'portrait',
  direction: 'vertical',
  layout: { kind: 'grid', columns: 1, rows: 5 },
  fields: ['shotNumber', 'frame', 'action', 'dialogue', 'duration'],
  blackAndWhite: true,
};

describe('PDF presets', () => {
  test('a preset file reads back as it was written', () => {
    const text = presetToJson({ name: 'Ekonte A3', options: JAPANESE });
    expect(JSON.parse(text).type).toBe(PRESET_FILE_TYPE);
    expect(presetFromJson(text)).toEqual({
      ok: true,
      preset: { name: 'Ekonte A3', options: JAPANESE },
    });
    expect(presetFileName('Ekonte A3')).toBe('ekonte-a3.pdf-preset.json');
  });

  test('options a file leaves out take their defaults; unknown ones are dropped', () => {
    const read = presetFromJson(
      JSON.stringify({
        type: PRESET_FILE_TYPE,
        name: 'Mine',
        options: { paper: 'Letter', sparkles: true },
      }),
    );
    expect(read).toEqual({
      ok: true,
      preset: { name: 'Mine', options: { ...DEFAULT_PDF_OPTIONS, paper: 'Letter' } },
    });
  });

  test('files that are not presets, or hold values out of range, are refused with a reason', () => {
    expect(presetFromJson('not json')).toEqual({
      ok: false,
      error: 'This file is not a PDF preset (it is not JSON).',
    });
    expect(
      presetFromJson(JSON.stringify({ type: 'frameline.project/1', name: 'x', options: {} })),
    ).toEqual({
      ok: false,
      error: 'This file is not a Frameline PDF preset.',
    });
    const tooBig = presetFromJson(
      JSON.stringify({
        type: PRESET_FILE_TYPE,
        name: 'Huge',
        options: { layout: { kind: 'grid', columns: 9, rows: 2 } },
      }),
    );
    expect(tooBig.ok).toBe(false);
    expect(!tooBig.ok && tooBig.error).toMatch(/options\.layout\.columns/);
    expect(presetFromJson(' '.repeat(20_000)).ok).toBe(false);
  });

  test('saved presets are kept in this browser by name, sorted, and can be deleted', () => {
    const storage = memoryStorage();
    savePreset(storage, { name: 'Zeta', options: DEFAULT_PDF_OPTIONS });
    savePreset(storage, { name: 'Alpha', options: JAPANESE });
    savePreset(storage, { name: 'Zeta', options: JAPANESE });
    expect(loadPresets(storage)).toEqual([
      { name: 'Alpha', options: JAPANESE },
      { name: 'Zeta', options: JAPANESE },
    ]);
    expect(deletePreset(storage, 'Alpha').map((p) => p.name)).toEqual(['Zeta']);
  });

  test('a damaged entry never hides the other presets', () => {
    const storage = memoryStorage();
    savePreset(storage, { name: 'Good', options: DEFAULT_PDF_OPTIONS });
    const [key, value] = [...storage.data][0] ?? ['', '[]'];
    storage.setItem(
      key,
      JSON.stringify([...JSON.parse(value), { name: 'Bad', options: { paper: 'A9' } }]),
    );
    expect(loadPresets(storage).map((p) => p.name)).toEqual(['Good']);
    storage.setItem(key, '{broken');
    expect(loadPresets(storage)).toEqual([]);
  });
});
