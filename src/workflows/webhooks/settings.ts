import { z } from 'zod';
import { WEBHOOK_EVENTS } from './events';

/**
 * The webhooks a person set up on this device. Device settings, like AI keys' order: they never
 * travel with a project, a bundle or a room.
 */
export const WEBHOOKS_MAX = 10;

const webhookUrlSchema = z
  .string()
  .max(2000)
  // Aborts: the checks below read the address.
  .refine((value) => URL.canParse(value), { message: 'is not a web address', abort: true })
  .refine((value) => {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    // Plain http only to this computer: anything else would carry project names in the clear.
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  }, 'must start with https:// (http:// only for this computer)')
  .refine((value) => new URL(value).username === '' && new URL(value).password === '', {
    message: 'must not carry a user name or password',
  });

export const webhookSchema = z.object({
  id: z.string().min(1).max(64),
  url: webhookUrlSchema,
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'needs at least one event'),
  enabled: z.boolean(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookListSchema = z.array(webhookSchema).max(WEBHOOKS_MAX);

/** Where the list is kept: localStorage in the page, a plain map in tests. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'frameline.webhooks';

/** The saved list; anything unreadable reads as none (never as someone else's list). */
export function loadWebhooks(storage: SettingsStorage): Webhook[] {
  try {
    const parsed = webhookListSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Validates and saves; the error names the webhook and the field. */
export function saveWebhooks(
  storage: SettingsStorage,
  hooks: readonly Webhook[],
): { ok: true } | { ok: false; error: string } {
  const parsed = webhookListSchema.safeParse(hooks);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, field] = issue?.path ?? [];
    const where = typeof index === 'number' ? `Webhook ${index + 1}` : 'Webhooks';
    return { ok: false, error: `${where}${field ? ` ${String(field)}` : ''} ${issue?.message}` };
  }
  storage.setItem(STORAGE_KEY, JSON.stringify(parsed.data));
  return { ok: true };
}
