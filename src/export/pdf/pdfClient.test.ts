import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { FakeWorker } from '../../../tests/helpers/fakeWorker';
import { PdfCancelledError, startPdfExport } from './pdfClient';
import type { PdfDocumentInput } from './pdfInput';
import { DEFAULT_PDF_OPTIONS } from './pdfOptions';
import { createPdfWorkerApi } from './pdfWorkerApi';
import type { FontFile } from './scripts';

const FONTS: Record<FontFile, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'latin-bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  jp: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  kr: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
};
const modules = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

const INPUT: PdfDocumentInput = {
  title: 'Twelve',
  aspect: 16 / 9,
  version: '',
  dateText: '',
  boards: Array.from({ length: 12 }, (_, i) => ({
    shotId: `s${i}`,
    number: String(i + 1),
    sceneNumber: '1',
    sceneHeading: 'INT. ROOM - DAY',
    shotType: 'MS' as const,
    cameraAngle: 'eye' as const,
    cameraMove: 'static' as const,
    durationMs: 2000,
    action: 'Something happens.',
    dialogue: [],
    notes: '',
    frameHash: null,
    approval: null,
    comments: [],
  })),
};

function worker(gate?: Promise<void>) {
  return new FakeWorker(
    createPdfWorkerApi((value) => value, {
      loadFont: async (file) => {
        await gate;
        return new Uint8Array(readFileSync(modules + FONTS[file]));
      },
      loadImage: () => Promise.resolve(null),
    }),
  );
}

describe('exporting a PDF in a worker', () => {
  test('reports progress page by page and ends with the file', async () => {
    const progress: string[] = [];
    const job = startPdfExport(
      INPUT,
      { ...DEFAULT_PDF_OPTIONS, layout: { kind: 'perPage', boards: 4 } },
      {},
      {
        createWorker: () => worker(),
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      },
    );
    const result = await job.promise;
    expect(result.ok).toBe(true);
    expect(result.ok && new TextDecoder().decode(result.bytes.subarray(0, 5))).toBe('%PDF-');
    // The cover and three pages of four boards.
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  test('Cancel stops the worker at once', async () => {
    const made: FakeWorker[] = [];
    const job = startPdfExport(
      INPUT,
      DEFAULT_PDF_OPTIONS,
      {},
      {
        createWorker: () => {
          const fake = worker(new Promise(() => undefined));
          made.push(fake);
          return fake;
        },
      },
    );
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(PdfCancelledError);
    expect(made.map((w) => w.terminated)).toEqual([true]);
  });

  test('a worker that runs out of time ends the job with a refusal', async () => {
    const job = startPdfExport(
      INPUT,
      DEFAULT_PDF_OPTIONS,
      {},
      {
        createWorker: () => worker(new Promise(() => undefined)),
        timeMs: 50,
      },
    );
    expect(await job.promise).toEqual({
      ok: false,
      error: 'Writing the PDF took longer than 10 minutes.',
    });
  });
});
