import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { noisePng } from '../../../tests/helpers/noisePng';
import type { PdfBoard, PdfDocumentInput } from './pdfInput';
import { DEFAULT_PDF_OPTIONS } from './pdfOptions';
import { writePdf } from './pdfWriter';
import type { FontFile } from './scripts';

const FONT_FILES: Record<FontFile, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'latin-bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  jp: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  kr: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
};
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function board(number: string, action: string, frameHash: string | null = null): PdfBoard {
  return {
    shotId: number,
    number,
    sceneNumber: '1',
    sceneHeading: 'INT. KITCHEN - NIGHT',
    shotType: 'CU',
    cameraAngle: 'eye',
    cameraMove: 'static',
    durationMs: 65_000,
    action,
    dialogue: [],
    notes: '',
    frameHash,
    approval: null,
    comments: [],
  };
}

const INPUT: PdfDocumentInput = {
  title: 'Fonts',
  aspect: 16 / 9,
  version: '',
  dateText: '',
  boards: [
    board('1', 'Η Μαρία ανοίγει την κάρτα', 'frame'),
    board('1A', 'Мария открывает открытку'),
    board('1B', '彼女はカードを開く'),
  ],
};

function loadFont(file: FontFile, loaded: FontFile[]) {
  loaded.push(file);
  return Promise.resolve(
    new Uint8Array(readFileSync(join(ROOT, 'node_modules', FONT_FILES[file]))),
  );
}

describe('writing the PDF', () => {
  test('text in Greek, Cyrillic and Japanese is real text; the CJK font loads only when needed', async () => {
    const loaded: FontFile[] = [];
    const pages: number[] = [];
    const bytes = await writePdf(
      INPUT,
      { ...DEFAULT_PDF_OPTIONS, cover: false },
      {
        loadFont: (file) => loadFont(file, loaded),
        loadImage: (key) =>
          Promise.resolve(
            key === 'frame' ? { kind: 'png', bytes: new Uint8Array(noisePng(64, 36)) } : null,
          ),
        onProgress: (done) => pages.push(done),
      },
    );
    expect(loaded.sort()).toEqual(['jp', 'latin', 'latin-bold']);
    expect(pages).toEqual([1]);
    const dir = mkdtempSync(join(tmpdir(), 'pdf-writer-'));
    const file = join(dir, 'boards.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Η Μαρία ανοίγει την κάρτα',
      'Мария открывает открытку',
      '彼女はカードを開く',
      '1A',
      '1B',
      '1:05',
    ])
      expect(text).toContain(expected);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansJP\S*\s+CID TrueType\s+Identity-H\s+yes/);
    // Subset: the 5 MB Japanese font adds only the glyphs used.
    expect(bytes.length).toBeLessThan(200_000);
    writeFileSync('/tmp/pdf-writer-test.pdf', bytes);
  });

  test('Latin-only text never loads the CJK fonts', async () => {
    const loaded: FontFile[] = [];
    await writePdf({ ...INPUT, boards: [board('1', 'Plain text')] }, DEFAULT_PDF_OPTIONS, {
      loadFont: (file) => loadFont(file, loaded),
      loadImage: () => Promise.resolve(null),
    });
    expect(loaded.sort()).toEqual(['latin', 'latin-bold']);
  });
});
