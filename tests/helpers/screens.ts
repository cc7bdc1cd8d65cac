import type { Page } from 'playwright-core';

/**
 * Screenshots of what `page` shows now, at a laptop's and a tablet's width, light and dark, into
 * `<dir>/<name>-<width>-<scheme>.png` (to be looked at); the page is left light at 1440 × 900.
 */
export async function shootThemes(page: Page, dir: string, name: string): Promise<void> {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: `${dir}/${name}-${size.width}-${scheme}.png`,
        animations: 'disabled',
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}
