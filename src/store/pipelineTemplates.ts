import type { EntityTable } from 'dexie';
import type { FramelineDb } from './db';

/**
 * Custom pipelines saved as templates, local to this browser (db.ts, version 7). `file` is the
 * pipeline as its file holds it (plain JSON); it is checked like a file from elsewhere each time
 * it is read (workflows/pipeline/custom/pipelineFile.ts), so a template saved by an older build
 * or against providers since removed still opens, with warnings.
 */
export interface TemplateRow {
  readonly id: string;
  readonly name: string;
  readonly file: unknown;
  readonly createdAt: number;
  readonly updatedAt: number;
}

interface TemplateDb {
  pipelineTemplates: EntityTable<TemplateRow, 'id'>;
}

export interface TemplateStore {
  list(): Promise<TemplateRow[]>;
  get(id: string): Promise<TemplateRow | undefined>;
  put(row: TemplateRow): Promise<void>;
  delete(id: string): Promise<void>;
}

export class DexieTemplateStore implements TemplateStore {
  private readonly db: TemplateDb;

  constructor(dexie: FramelineDb) {
    // The table of version 7, typed here as pipelineRuns.ts types those of version 6.
    this.db = dexie as unknown as TemplateDb;
  }

  async list() {
    const rows = await this.db.pipelineTemplates.orderBy('updatedAt').reverse().toArray();
    return rows;
  }

  get(id: string) {
    return this.db.pipelineTemplates.get(id);
  }

  async put(row: TemplateRow) {
    await this.db.pipelineTemplates.put(row);
  }

  async delete(id: string) {
    await this.db.pipelineTemplates.delete(id);
  }
}
