import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * A short screenplay in four scripts: the PDF must print each in a font that has its glyphs.
 * Lines are short so that even an 8 × 8 grid has room for them on one line.
 */
export const MULTILINGUAL_LINES = {
  greek: 'Καλημέρα κόσμε',
  cyrillic: 'Привет, мир',
  cjk: 'こんにちは世界',
} as const;

export const MULTILINGUAL_SCRIPT = `Title: Polyglot

INT. KITCHEN - NIGHT

${MULTILINGUAL_LINES.greek}.

MARA
${MULTILINGUAL_LINES.cyrillic}.

EXT. ROOF - NIGHT

${MULTILINGUAL_LINES.cjk}。

KENJI
Sayōnara, Łódź.

INT. HALL - DAY

Mara runs down the hall.

Ben follows her.
`;

/** Imports the screenplay through the UI and waits until every frame is sketched. */
export async function importMultilingualProject(page: Page): Promise<void> {
  await page.getByLabel('Screenplay file').setInputFiles({
    name: 'polyglot.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(MULTILINGUAL_SCRIPT),
  });
  await page.getByRole('button', { name: 'Export PDF' }).waitFor();
  await page.locator('.sketch-status').waitFor({ state: 'detached', timeout: 60_000 });
}

/** The shot numbers the boards show, in order. */
export async function boardNumbers(page: Page): Promise<string[]> {
  const labels = await page
    .locator('button.board[aria-label^="Shot "]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return [...new Set(labels.map((label) => label.replace(/^Shot /, '')))];
}

export interface PdfFacts {
  readonly pages: number;
  /** `841.89 x 595.28` */
  readonly size: string;
  readonly text: string;
}

export function pdfFacts(file: string): PdfFacts {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+ x [\d.]+) pts/m.exec(info)?.[1] ?? '';
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { pages, size, text };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
