import type { JournalStorage } from '../../src/store/durability/editJournal';

/**
 * localStorage for Node tests: synchronous, string keys and values, and a quota like a
 * browser's. `full` makes every write fail the way a full localStorage does.
 */
export class MemoryStorage implements JournalStorage {
  private readonly items = new Map<string, string>();
  full = false;

  constructor(private readonly quotaChars = 5_000_000) {}

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((sum, [k, v]) => sum + k.length + v.length, 0);
    const freed = this.items.has(key) ? key.length + (this.items.get(key)?.length ?? 0) : 0;
    if (this.full || used - freed + key.length + value.length > this.quotaChars) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  keys(): string[] {
    return [...this.items.keys()];
  }
}
