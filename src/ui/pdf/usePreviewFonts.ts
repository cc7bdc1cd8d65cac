import { useEffect, useState } from 'react';
import { FONT_URLS } from '../../export/pdf/fontFiles';
import type { FontFile, FontKey } from '../../export/pdf/scripts';

/** The family the preview draws with: the PDF's own fonts, so its lines break where the PDF's do. */
export const PREVIEW_FONT_FAMILY = 'Frameline PDF';

const loaded = new Map<FontFile, Promise<boolean>>();

/**
 * Faces of one family with the same weight shadow each other unless their ranges differ: without
 * these the Japanese face drew the Greek (without its accents) in place of Noto Sans. The ranges
 * are the ones scripts.ts sends to each font.
 */
const RANGES: Partial<Record<FontFile, string>> = {
  jp: 'U+2E80-2FDF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF, U+20000-3FFFF',
  kr: 'U+1100-11FF, U+3130-318F, U+A960-A97F, U+AC00-D7FF',
};

function load(file: FontFile): Promise<boolean> {
  let pending = loaded.get(file);
  if (!pending) {
    const face = new FontFace(PREVIEW_FONT_FAMILY, `url(${FONT_URLS[file]})`, {
      weight: file === 'latin-bold' ? '700' : '400',
      ...(RANGES[file] ? { unicodeRange: RANGES[file] } : {}),
    });
    pending = face.load().then(
      (ready) => {
        document.fonts.add(ready);
        return true;
      },
      // The preview falls back to the system's fonts; the PDF itself is not affected.
      () => false,
    );
    loaded.set(file, pending);
  }
  return pending;
}

/**
 * Loads the fonts the text needs (the CJK ones only when it has kana, Han or Hangul) into the
 * page for the preview. Returns a number that changes when more fonts are ready: measure again.
 */
export function usePreviewFonts(needed: ReadonlySet<FontKey>): number {
  const [ready, setReady] = useState(0);
  const key = [...needed].sort().join(' ');
  useEffect(() => {
    let live = true;
    const files: FontFile[] = [
      'latin',
      'latin-bold',
      ...(key.split(' ') as FontKey[]).filter((k) => k !== 'latin'),
    ];
    void Promise.all(files.map(load)).then(() => live && setReady((n) => n + 1));
    return () => {
      live = false;
    };
  }, [key]);
  return ready;
}
