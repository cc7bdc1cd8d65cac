import type { Page } from 'playwright-core';

/** Adds an AI provider in Settings (type as the "Provider type" select names it), then closes. */
export async function addProvider(
  page: Page,
  provider: { readonly type: string; readonly baseUrl: string; readonly key: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'AI providers' });
  await settings.getByRole('button', { name: 'Add provider' }).click();
  await settings.getByLabel('Provider type').selectOption(provider.type);
  await settings.getByLabel('Base URL').fill(provider.baseUrl);
  await settings.getByLabel('API key').fill(provider.key);
  await page.getByRole('button', { name: 'Save provider' }).click();
  await page.keyboard.press('Escape');
}
