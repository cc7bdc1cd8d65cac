import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, evaluated into the page (the app's CSP refuses an inline script). */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One serious or critical violation, with where it is, in words a failing test can print. */
export interface Violation {
  readonly rule: string;
  readonly impact: string;
  readonly where: readonly string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    nodes: { target: string[]; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe-core over the whole page as it is now and gives back the serious and critical
 * violations. Reduced motion is asked for first so no colour is caught half-way through a
 * transition (the app honours it, theme.css).
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (result as AxeResult).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      where: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
}

/**
 * The serious and critical violations of what `page` shows, in light and in dark, keyed
 * `<view> <scheme>` so a failure says where; the page is left light.
 */
export async function violationsInBothThemes(
  page: Page,
  view: string,
): Promise<Record<string, Violation[]>> {
  const found: Record<string, Violation[]> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    // A frame for the new colours to be drawn before axe reads them.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[`${view} ${colorScheme}`] = violations;
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  return found;
}
