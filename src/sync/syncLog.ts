/**
 * What the sync layer refused or could not do, kept for the UI ("sync problems") and printed for
 * whoever looks at the console. Never throws, never grows without bound.
 */
export interface SyncProblem {
  readonly at: number;
  /** Who sent it: a wire label (peer id, "other tabs", a server URL). */
  readonly from: string;
  readonly message: string;
}

/** Problems kept; older ones fall off. */
const MAX_PROBLEMS = 50;

export class SyncLog {
  private problems: readonly SyncProblem[] = [];
  private readonly listeners = new Set<() => void>();

  report(from: string, message: string): void {
    console.warn(`[sync] ${from}: ${message}`);
    this.problems = [
      ...this.problems.slice(-(MAX_PROBLEMS - 1)),
      { at: Date.now(), from, message },
    ];
    for (const listener of this.listeners) listener();
  }

  getProblems = (): readonly SyncProblem[] => this.problems;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
