import type { Page } from 'playwright-core';
import { beforeEach } from 'vitest';

/**
 * What the page looked like when a test failed: the URL, where focus was, which dialogs and
 * notices were open. A test that fails only on a loaded CI machine cannot be watched; this is
 * what its log keeps of the moment (a screenshot would be lost with the machine).
 */
export interface PageState {
  readonly url: string;
  readonly focused: string;
  readonly dialogs: readonly string[];
  readonly notices: readonly string[];
}

export function readPageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const describe = (el: Element | null): string => {
      if (!el || el === document.body) return 'the page (nothing focused)';
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      return `${el.tagName.toLowerCase()} "${name}"${el.isConnected ? '' : ' (removed)'}`;
    };
    const named = (selector: string) =>
      [...document.querySelectorAll(selector)].map(
        (el) => el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 120) ?? '',
      );
    return {
      url: location.href,
      focused: describe(document.activeElement),
      dialogs: named('dialog[open], [role="dialog"], [role="alertdialog"]'),
      notices: named('[role="status"]:not(:empty), [role="alert"]:not(:empty), .toast'),
    };
  });
}

/** Logs the page's state when a test of this file fails (the page as `current()` gives it). */
export function reportPageOnFailure(current: () => Page | undefined): void {
  beforeEach((context) => {
    context.onTestFailed(async () => {
      const page = current();
      if (!page || page.isClosed()) return;
      const state = await readPageState(page).catch((error: unknown) => String(error));
      console.log(`The page when "${context.task.name}" failed:`, JSON.stringify(state, null, 2));
    });
  });
}
