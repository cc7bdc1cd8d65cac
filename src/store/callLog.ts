import type { AiDb, CallRow } from './aiTables';
import { observe } from './live';

/** The log keeps this many attempts; older ones are dropped (a busy month is a few thousand). */
export const MAX_CALL_ROWS = 20_000;
/** Trimming counts rows, so it runs only every this many appends. */
const TRIM_EVERY_APPENDS = 200;

/**
 * Every provider attempt, local to this browser: what the Usage dashboard charts. Rows carry no
 * key, prompt or image, only who was called, how it went, and what it probably cost.
 */
export class CallLog {
  private appendsSinceTrim = 0;

  constructor(private readonly db: AiDb) {}

  async append(row: Omit<CallRow, 'id'>): Promise<void> {
    await this.db.aiCalls.add({ ...row });
    if (++this.appendsSinceTrim >= TRIM_EVERY_APPENDS) {
      this.appendsSinceTrim = 0;
      await this.trim();
    }
  }

  /** Attempts since `sinceMs` (epoch), oldest first. */
  list(sinceMs = 0): Promise<CallRow[]> {
    return this.db.aiCalls.where('at').aboveOrEqual(sinceMs).sortBy('at');
  }

  /** Attempts made for one frame batch (its cost so far). */
  async forBatch(batchId: string): Promise<CallRow[]> {
    return (await this.db.aiCalls.toArray()).filter((row) => row.batchId === batchId);
  }

  async clear(): Promise<void> {
    await this.db.aiCalls.clear();
  }

  watch(sinceMs: number, onRows: (rows: CallRow[]) => void): () => void {
    return observe(() => this.list(sinceMs), onRows);
  }

  private async trim(): Promise<void> {
    const excess = (await this.db.aiCalls.count()) - MAX_CALL_ROWS;
    if (excess <= 0) return;
    const oldest = await this.db.aiCalls.orderBy('at').limit(excess).primaryKeys();
    await this.db.aiCalls.bulkDelete(oldest);
  }
}
