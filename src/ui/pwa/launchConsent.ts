import type { Arrival, ArrivalSource } from '../../workflows/launchArrivals';

/**
 * Items handed to the app by the OS, waiting for the person to say whether to import them
 * (LaunchConsentDialog shows them; an external store, like the toasts). Items that arrive while
 * the question is open join it.
 */
export interface PendingLaunch {
  readonly source: ArrivalSource;
  readonly arrivals: readonly Arrival[];
}

type Decide = (accepted: readonly Arrival[] | null) => void;

let pending: PendingLaunch | null = null;
let decide: Decide | null = null;
const listeners = new Set<() => void>();

function publish(next: PendingLaunch | null) {
  pending = next;
  for (const listener of listeners) listener();
}

export const pendingLaunchStore = {
  getSnapshot: (): PendingLaunch | null => pending,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * Shows the items and resolves with what the person accepted, or null when they declined. A
 * second call while the question is open adds its items to it and resolves with nothing (the
 * first call's answer covers them all).
 */
export function askToImport(
  source: ArrivalSource,
  arrivals: readonly Arrival[],
): Promise<readonly Arrival[] | null> {
  if (pending) {
    publish({ source: pending.source, arrivals: [...pending.arrivals, ...arrivals] });
    return Promise.resolve([]);
  }
  publish({ source, arrivals });
  return new Promise((resolve) => {
    decide = (accepted) => {
      decide = null;
      publish(null);
      resolve(accepted);
    };
  });
}

/** The person's answer: every item (accept) or none. */
export function answerLaunch(accept: boolean): void {
  const current = pending;
  decide?.(accept && current ? current.arrivals : null);
}
