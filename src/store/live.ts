import { liveQuery } from 'dexie';

/**
 * Runs `query` now and again whenever the tables it read change (in this tab or another), and
 * hands each result to `onValue`. Returns the unsubscribe. For React: the UI subscribes, the
 * database stays the truth.
 */
export function observe<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void = (error) => console.error('A live query failed', error),
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
