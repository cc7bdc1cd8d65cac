import type { EntityTable } from 'dexie';
import type { FramelineDb } from './db';

/**
 * Runs of a pipeline (idea → animatic) and the results of their steps, local to this browser
 * (db.ts, version 6). A reload, a crash or a provider failure loses nothing that finished: a
 * resumed run finds each step's result here by the hash of its inputs and redoes only the rest.
 */

export type RunState = 'idle' | 'running' | 'paused' | 'cancelled' | 'failed' | 'done';

export interface RunRow {
  readonly id: string;
  /** Which pipeline ('idea'); a step's meaning comes from its pipeline's definition. */
  readonly pipelineId: string;
  readonly title: string;
  /** What the person typed and chose (idea, format, length…), as plain JSON. */
  readonly params: unknown;
  /** Per step: 'auto' (the router's order), 'offline', or a provider id. */
  readonly providers: Readonly<Record<string, string>>;
  /** Per step: the input hash of the result the run uses now (its row in `pipelineSteps`). */
  readonly current: Readonly<Record<string, string>>;
  readonly state: RunState;
  /**
   * The saved pipeline (its file's JSON) an idea run follows instead of the default steps; the
   * run's steps are rebuilt from it whenever the run is opened. Absent: the default steps.
   */
  readonly template?: unknown;
  /**
   * Paid calls under way, each stored before it is sent and removed when it ends: one still here
   * when the run is opened again was cut off by the page closing (engine.ts).
   */
  readonly inFlight?: readonly PaidCallRow[];
  /** Calls the page closed on, and what became of each since. */
  readonly interrupted?: readonly InterruptedCall[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * What a paid call makes, for the line that tells of one cut off ("1 frame was being made…"). A
 * video clip counts only until the provider took the job: after that its id is kept and polled
 * again, never submitted twice.
 */
export type PaidWhat = 'frame' | 'character sheet' | 'spoken line' | 'video clip' | 'text answer';

export interface PaidCallRow {
  readonly stepId: string;
  /** Names the request within its step (a shot's frame), so asking it again is recognised. */
  readonly key: string;
  readonly what: PaidWhat;
}

/**
 * A call under way when the page closed: its answer cannot be known to have come (none of the
 * providers takes an idempotency key, so it cannot be collected either). 'pending': not asked
 * again yet; 'asked': asked again (and paid again); 'kept': its step finished without asking it
 * (the answer had been stored before the page went).
 */
export interface InterruptedCall extends PaidCallRow {
  readonly outcome: 'pending' | 'asked' | 'kept';
}

/**
 * One step's result for one set of inputs. Rows are never overwritten by a new generation: a
 * changed input gets its own row, so going back to earlier inputs finds the earlier result and
 * pays for nothing twice. An edit by hand replaces `output` and sets `edited`.
 */
export interface StepRow {
  readonly runId: string;
  readonly stepId: string;
  /** SHA-256 (hex) of the canonical JSON of everything the step read. */
  readonly inputHash: string;
  readonly output: unknown;
  readonly edited: boolean;
  /** Estimated cost of the calls that made it, in US dollars (0 offline or from the cache). */
  readonly costUsd: number;
  readonly at: number;
}

export interface PipelineDb {
  pipelineRuns: EntityTable<RunRow, 'id'>;
  pipelineSteps: EntityTable<StepRow, 'runId'>;
}

/** What the engine needs from storage; the Dexie one below and an in-memory one for tests. */
export interface RunStore {
  getRun(id: string): Promise<RunRow | undefined>;
  putRun(row: RunRow): Promise<void>;
  listRuns(pipelineId: string): Promise<RunRow[]>;
  deleteRun(id: string): Promise<void>;
  getStep(runId: string, stepId: string, inputHash: string): Promise<StepRow | undefined>;
  putStep(row: StepRow): Promise<void>;
}

export class DexieRunStore implements RunStore {
  private readonly db: PipelineDb;

  constructor(private readonly dexie: FramelineDb) {
    // The tables of version 6, typed here as aiTables.ts types those of version 3.
    this.db = dexie as unknown as PipelineDb;
  }

  getRun(id: string) {
    return this.db.pipelineRuns.get(id);
  }

  async putRun(row: RunRow) {
    await this.db.pipelineRuns.put(row);
  }

  async listRuns(pipelineId: string) {
    const rows = await this.db.pipelineRuns.where('pipelineId').equals(pipelineId).toArray();
    return rows.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async deleteRun(id: string) {
    await this.dexie.transaction('rw', this.db.pipelineRuns, this.db.pipelineSteps, async () => {
      await this.db.pipelineSteps.where('runId').equals(id).delete();
      await this.db.pipelineRuns.delete(id);
    });
  }

  getStep(runId: string, stepId: string, inputHash: string) {
    return this.db.pipelineSteps.get([runId, stepId, inputHash] as unknown as string);
  }

  async putStep(row: StepRow) {
    await this.db.pipelineSteps.put(row);
  }
}

/** Nothing persisted: tests, and a browser whose storage is blocked. */
export class MemoryRunStore implements RunStore {
  readonly runs = new Map<string, RunRow>();
  readonly steps = new Map<string, StepRow>();

  async getRun(id: string) {
    return this.runs.get(id);
  }
  async putRun(row: RunRow) {
    this.runs.set(row.id, row);
  }
  async listRuns(pipelineId: string) {
    return [...this.runs.values()]
      .filter((r) => r.pipelineId === pipelineId)
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }
  async deleteRun(id: string) {
    this.runs.delete(id);
    for (const key of [...this.steps.keys()]) if (key.startsWith(`${id}\n`)) this.steps.delete(key);
  }
  async getStep(runId: string, stepId: string, inputHash: string) {
    return this.steps.get(`${runId}\n${stepId}\n${inputHash}`);
  }
  async putStep(row: StepRow) {
    this.steps.set(`${row.runId}\n${row.stepId}\n${row.inputHash}`, row);
  }
}
