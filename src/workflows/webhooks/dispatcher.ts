import type { WebhookEventName, WebhookPayload } from './events';
import type { Webhook } from './settings';

/**
 * Sends webhook payloads, off to the side: `notify` returns at once, each delivery runs on its
 * own, and a failure retries with backoff (about 2 s, 10 s, 1 min, 5 min, with jitter) before it
 * is given up. Nothing waits on a webhook and nothing a webhook answers changes the project.
 * Deliveries are listed (newest first) for the Usage view.
 */

/** Waits before the 2nd, 3rd, … attempt; after the last, the delivery has failed. */
export const RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000] as const;
/** An attempt that has not answered by then is a failure (and retried). */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** How many deliveries the list keeps. */
export const DELIVERIES_KEPT = 50;

export type DeliveryStatus = 'sending' | 'retrying' | 'delivered' | 'failed';

export interface Delivery {
  readonly id: number;
  readonly url: string;
  readonly event: WebhookEventName;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** Why the last attempt failed, in words; null once delivered. */
  readonly lastError: string | null;
  /** When the next attempt is due while retrying. */
  readonly nextAttemptAt: number | null;
  readonly updatedAt: number;
}

export interface DispatcherDeps {
  readonly fetch: typeof fetch;
  /** The hooks as set now (read at each notify, so a change applies to the next event). */
  readonly hooks: () => readonly Webhook[];
  readonly now: () => number;
  readonly setTimer: (run: () => void, ms: number) => void;
  /** 0 ≤ r < 1, for jitter. */
  readonly random: () => number;
}

type Outcome = { ok: true } | { ok: false; retry: boolean; reason: string };

async function attempt(deps: DispatcherDeps, url: string, body: string): Promise<Outcome> {
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    if (response.ok) return { ok: true };
    const retry = response.status === 408 || response.status === 429 || response.status >= 500;
    return { ok: false, retry, reason: `the server answered ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      ok: false,
      retry: true,
      reason: timedOut
        ? `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`
        : 'the server could not be reached (offline, wrong address, or it does not allow this app: CORS)',
    };
  }
}

export class WebhookDispatcher {
  private list: Delivery[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: DispatcherDeps) {}

  /** Sends the payload to every enabled hook that asked for its event. Never throws or waits. */
  notify(payload: WebhookPayload): void {
    const body = JSON.stringify(payload);
    for (const hook of this.deps.hooks()) {
      if (!hook.enabled || !hook.events.includes(payload.event)) continue;
      const id = this.nextId++;
      this.put({
        id,
        url: hook.url,
        event: payload.event,
        status: 'sending',
        attempts: 0,
        lastError: null,
        nextAttemptAt: null,
        updatedAt: this.deps.now(),
      });
      void this.run(id, hook.url, body);
    }
  }

  deliveries = (): readonly Delivery[] => this.list;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async run(id: number, url: string, body: string): Promise<void> {
    const previous = this.list.find((d) => d.id === id);
    const attempts = (previous?.attempts ?? 0) + 1;
    const outcome = await attempt(this.deps, url, body);
    const now = this.deps.now();
    if (outcome.ok) {
      this.update(id, { status: 'delivered', attempts, lastError: null, nextAttemptAt: null });
      return;
    }
    const delay = outcome.retry ? RETRY_DELAYS_MS[attempts - 1] : undefined;
    if (delay === undefined) {
      this.update(id, {
        status: 'failed',
        attempts,
        lastError: outcome.reason,
        nextAttemptAt: null,
      });
      return;
    }
    const wait = Math.round(delay * (0.8 + 0.4 * this.deps.random()));
    this.update(id, {
      status: 'retrying',
      attempts,
      lastError: outcome.reason,
      nextAttemptAt: now + wait,
    });
    this.deps.setTimer(() => {
      this.update(id, { status: 'sending' });
      void this.run(id, url, body);
    }, wait);
  }

  private put(delivery: Delivery): void {
    this.list = [delivery, ...this.list].slice(0, DELIVERIES_KEPT);
    this.changed();
  }

  private update(id: number, patch: Partial<Delivery>): void {
    this.list = this.list.map((d) =>
      d.id === id ? { ...d, ...patch, updatedAt: this.deps.now() } : d,
    );
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
