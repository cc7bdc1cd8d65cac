import jpUrl from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import krUrl from '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import latinUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import type { FontFile } from './scripts';

/**
 * The fonts as files of the app itself (Vite copies them into the build; the CSP allows only
 * 'self'). Fetched by the PDF worker on first use: the JP (5 MB) and KR (6 MB) ones only when the
 * text has kana, Han or Hangul.
 */
export const FONT_URLS: Record<FontFile, string> = {
  latin: latinUrl,
  'latin-bold': boldUrl,
  jp: jpUrl,
  kr: krUrl,
};

export async function fetchFont(file: FontFile): Promise<Uint8Array> {
  const response = await fetch(FONT_URLS[file]);
  if (!response.ok) throw new Error(`The ${file} font could not be loaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}
