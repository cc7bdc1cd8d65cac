import type { AiDb } from './aiTables';
import { observe } from './live';

/**
 * Local AI settings as opaque JSON values by key (provider list, order per capability, prices,
 * preferences). src/ai validates what it reads with its own schemas: this layer sits below it and
 * does not know the shapes. Never holds API keys (those are in the key vault).
 */
export class AiSettingsStore {
  constructor(private readonly db: AiDb) {}

  async get(key: string): Promise<unknown> {
    return (await this.db.aiSettings.get(key))?.value;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.aiSettings.put({ key, value });
  }

  watch(key: string, onValue: (value: unknown) => void): () => void {
    return observe(() => this.get(key), onValue);
  }
}
