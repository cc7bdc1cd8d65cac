import { useCallback, useEffect, useState } from 'react';
import { persistenceState, type PersistenceState } from '../../pwa/persistentStorage';
import { computeStorageUsage, type StorageUsage } from '../../store';
import { useServices } from '../app/servicesContext';

export interface BrowserEstimate {
  readonly usage: number;
  readonly quota: number;
  /** Chromium splits usage by kind; other browsers do not. */
  readonly indexedDB: number | null;
  readonly caches: number | null;
}

export interface StorageReport {
  readonly usage: StorageUsage | null;
  readonly estimate: BrowserEstimate | null;
  readonly persistence: PersistenceState | null;
  readonly error: Error | null;
  refresh(): void;
}

async function estimate(): Promise<BrowserEstimate | null> {
  if (!navigator.storage?.estimate) return null;
  const result = (await navigator.storage.estimate()) as StorageEstimate & {
    usageDetails?: { indexedDB?: number; caches?: number };
  };
  return {
    usage: result.usage ?? 0,
    quota: result.quota ?? 0,
    indexedDB: result.usageDetails?.indexedDB ?? null,
    caches: result.usageDetails?.caches ?? null,
  };
}

/** What the Storage panel shows, read when it opens and after each action. */
export function useStorageReport(): StorageReport {
  const { repo } = useServices();
  const [round, setRound] = useState(0);
  const [report, setReport] = useState<Omit<StorageReport, 'refresh'>>({
    usage: null,
    estimate: null,
    persistence: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    Promise.all([computeStorageUsage(repo.db), estimate(), persistenceState()]).then(
      ([usage, browser, persistence]) => {
        if (live) setReport({ usage, estimate: browser, persistence, error: null });
      },
      (error: unknown) => {
        if (live)
          setReport((r) => ({
            ...r,
            error: error instanceof Error ? error : new Error(String(error)),
          }));
      },
    );
    return () => {
      live = false;
    };
  }, [repo, round]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { ...report, refresh };
}
