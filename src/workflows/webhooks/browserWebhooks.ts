import { WebhookDispatcher } from './dispatcher';
import { loadWebhooks, saveWebhooks, type Webhook } from './settings';

/**
 * The page's webhooks: the list in localStorage (this device only) and one dispatcher whose
 * delivery list the Usage view shows. Made on first use, so the app shell never loads it.
 */
let dispatcher: WebhookDispatcher | null = null;

export function pageWebhooks(): WebhookDispatcher {
  dispatcher ??= new WebhookDispatcher({
    fetch: (input, init) => fetch(input, init),
    hooks: () => loadWebhooks(localStorage),
    now: () => Date.now(),
    setTimer: (run, ms) => void setTimeout(run, ms),
    random: () => Math.random(),
  });
  return dispatcher;
}

export function readPageWebhooks(): Webhook[] {
  return loadWebhooks(localStorage);
}

export function savePageWebhooks(hooks: readonly Webhook[]) {
  return saveWebhooks(localStorage, hooks);
}
