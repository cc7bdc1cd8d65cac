import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { SEED, SOUND, timelineProject } from '../../../tests/helpers/timelineProject';
import { xmllintErrors } from '../../../tests/helpers/xmllint';
import type { AssetHash } from '../../model/ids';
import { aspectValue } from '../../model/project';
import type { AssetSource } from './assetSource';
import { ExportCancelled } from './assetSource';
import { contactSheetLayout, drawContactSheet, type ContactSheetLayout } from './contactSheet';
import type { ConvertImage } from './frameShape';
import { imageSequence } from './imageSequence';
import { timelinePackage } from './timelinePackage';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 9]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 7]);

/** A converter that keeps every picture as it is (each is in the project's shape already). */
const keep: ConvertImage = (bytes) => Promise.resolve(bytes);

function assets(): AssetSource {
  const blobs = new Map<AssetHash, Blob>([
    [SEED.drawn, new Blob([PNG], { type: 'image/png' })],
    [SEED.generated, new Blob([JPEG], { type: 'image/jpeg' })],
    [SOUND, new Blob([MP3], { type: 'audio/mpeg' })],
  ]);
  return { get: (hash) => Promise.resolve(blobs.get(hash)) };
}

describe('timeline packages', () => {
  test('the timeline file and every frame and sound it points at, by relative path', async () => {
    const progress: number[] = [];
    const file = await timelinePackage(timelineProject(), 'fcp7', '29.97', assets(), keep, {
      onProgress: (done) => progress.push(done),
    });
    expect(file.fileName).toBe('the-last-birthday-card-fcp7-2997fps.zip');
    expect(file.missing).toBe(2);
    expect(progress).toEqual([1, 2, 3]);
    const zip = unzipSync(file.bytes);
    expect(Object.keys(zip).sort()).toEqual([
      'audio/1A-dialogue.mp3',
      'frames/1A.png',
      'frames/1B.jpg',
      'the-last-birthday-card.xml',
    ]);
    const xml = strFromU8(zip['the-last-birthday-card.xml'] ?? new Uint8Array());
    expect(xmllintErrors(xml)).toBe('');
    expect(xml).toContain('<pathurl>frames/1B.jpg</pathurl>');
    expect(zip['frames/1A.png']).toEqual(PNG);
  });

  test("frames go through the converter with the project's shape, sounds as they are", async () => {
    const project = timelineProject();
    const offered: string[] = [];
    const file = await timelinePackage(
      project,
      'otio',
      '24',
      assets(),
      (bytes, from, to, frame) => {
        offered.push(`${from}→${to} ${frame.aspect.toFixed(3)} ${frame.fit}`);
        return Promise.resolve(new Uint8Array([...bytes, 0xee]));
      },
    );
    const shape = `${aspectValue(project.meta.aspectRatio).toFixed(3)} ${project.meta.frameFit}`;
    expect(offered.sort()).toEqual([
      `image/jpeg→image/jpeg ${shape}`,
      `image/png→image/png ${shape}`,
    ]);
    const zip = unzipSync(file.bytes);
    expect(zip['frames/1A.png']).toEqual(new Uint8Array([...PNG, 0xee]));
    expect(zip['audio/1A-dialogue.mp3']).toEqual(MP3);
  });

  test('cancelling stops the export', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      timelinePackage(timelineProject(), 'otio', '24', assets(), keep, {
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(ExportCancelled);
  });
});

describe('image sequence', () => {
  test('frames named by order and shot number, converted to the format and frame asked for', async () => {
    const converted: string[] = [];
    const project = timelineProject();
    const file = await imageSequence(project, 'png', assets(), (bytes, from, to, frame) => {
      converted.push(`${from}→${to} ${frame.aspect.toFixed(3)} ${frame.fit}`);
      return Promise.resolve(new Uint8Array([...PNG, bytes.length]));
    });
    expect(Object.keys(unzipSync(file.bytes))).toEqual(['0002_1A.png', '0003_1B.png']);
    const shape = `${aspectValue(project.meta.aspectRatio).toFixed(3)} ${project.meta.frameFit}`;
    // Every frame is offered to the converter (which keeps a frame of the right format and
    // shape as it is); the two shots share one picture, converted once.
    expect(new Set(converted).size).toBe(converted.length);
    expect(converted.every((c) => c.endsWith(shape))).toBe(true);
    expect(file.missing).toBe(2);
    expect(file.fileName).toBe('the-last-birthday-card-frames-png.zip');
  });
});

describe('contact sheet', () => {
  test('a grid with a cell per shot, inside the sheet, none overlapping', () => {
    const layout = contactSheetLayout(timelineProject());
    expect(layout.cells.map((c) => c.label)).toEqual([
      '1 · 4.0s',
      '1A · 2.4s',
      '1B · 1.0s',
      '2 · 5.5s',
    ]);
    for (const cell of layout.cells) {
      expect(cell.x + cell.width).toBeLessThanOrEqual(layout.width);
      expect(cell.y + cell.height + layout.labelHeight).toBeLessThanOrEqual(layout.height);
    }
    const [a, b, c] = layout.cells;
    expect(b?.x).toBeGreaterThan((a?.x ?? 0) + (a?.width ?? 0));
    expect(c?.y).toBeGreaterThan((a?.y ?? 0) + (a?.height ?? 0));
  });
});

describe("a contact sheet follows the project's re-frame setting", () => {
  /** The one cell's picture drawn: source rectangle, then where it lands, and the fill under it. */
  function drawn(fit: ContactSheetLayout['fit']) {
    const calls: string[] = [];
    const ctx = {
      fillStyle: '',
      strokeStyle: '',
      font: '',
      textBaseline: 'alphabetic',
      lineWidth: 1,
      fillRect: (...a: number[]) => calls.push(`fill ${String(ctx.fillStyle)} ${a.join(',')}`),
      strokeRect: () => undefined,
      fillText: () => undefined,
      drawImage: (_: unknown, ...a: number[]) => calls.push(`image ${a.join(',')}`),
    };
    const layout: ContactSheetLayout = {
      width: 200,
      height: 300,
      title: 'T',
      titleHeight: 10,
      labelHeight: 10,
      fit,
      // A 9:16 cell, 90 × 160.
      cells: [{ shotNumber: '1', label: '1', x: 10, y: 20, width: 90, height: 160 }],
    };
    const picture = { width: 160, height: 90 } as unknown as CanvasImageSource & {
      width: number;
      height: number;
    };
    drawContactSheet(ctx as unknown as Parameters<typeof drawContactSheet>[0], layout, [picture]);
    return calls.filter((c) => !c.startsWith('fill #ffffff') && !c.startsWith('fill #e9e9ee'));
  }

  test('crop draws the centre of a 16:9 picture over the whole 9:16 cell', () => {
    const [fill, image] = drawn('crop');
    expect(fill).toBe('fill #000000 10,20,90,160');
    const [sx, sy, sw, sh, dx, dy, dw, dh] = (image ?? '').slice(6).split(',').map(Number);
    expect(sw).toBeCloseTo((90 * 9) / 16);
    expect(sx).toBeCloseTo((160 - (90 * 9) / 16) / 2);
    expect([sy, sh, dx, dy]).toEqual([0, 90, 10, 20]);
    expect(dw).toBeCloseTo(90);
    expect(dh).toBeCloseTo(160);
  });

  test('letterbox shows all of it on black, extend on paper', () => {
    expect(drawn('letterbox')).toEqual([
      'fill #000000 10,20,90,160',
      'image 0,0,160,90,10,74.6875,90,50.625',
    ]);
    expect(drawn('extend')[0]).toBe('fill #f3eee4 10,20,90,160');
  });
});
