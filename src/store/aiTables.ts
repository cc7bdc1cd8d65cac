import type { EntityTable } from 'dexie';
import type { FramelineDb } from './db';

/**
 * Row types of the AI tables (db.ts, version 3). Everything here is local to this browser and
 * never synced, exported or bundled. None of these rows ever holds an API key in plain text:
 * keys live only in `aiKeys`, sealed with AES-GCM.
 */

/** AES-GCM output: a fresh 96-bit IV per message and the ciphertext with its tag. */
export interface SealedBytes {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: Uint8Array<ArrayBuffer>;
}

/**
 * The key-encryption key. `device`: a non-extractable CryptoKey stored as is (IndexedDB keeps
 * CryptoKeys without ever exposing their bytes to script). `passphrase`: only the PBKDF2 salt and
 * iteration count, and a sealed check value that tells a wrong passphrase from a right one.
 */
export type VaultRow =
  | { readonly id: 'kek'; readonly mode: 'device'; readonly key: CryptoKey }
  | {
      readonly id: 'kek';
      readonly mode: 'passphrase';
      readonly salt: Uint8Array<ArrayBuffer>;
      readonly iterations: number;
      readonly check: SealedBytes;
    };

export interface KeyRow {
  readonly providerId: string;
  readonly sealed: SealedBytes;
  /** The key's last four characters (or nothing for short keys), to show it masked. */
  readonly hint: string;
  readonly updatedAt: number;
}

/** One attempt at one provider call, as the router saw it. */
export interface CallRow {
  id?: number;
  /** Epoch milliseconds when the attempt started. */
  readonly at: number;
  readonly providerId: string;
  readonly providerKind: string;
  readonly providerLabel: string;
  readonly model: string;
  readonly capability: string;
  readonly latencyMs: number;
  /** `ok`, or the kind of failure (`rateLimit`, `auth`, `timeout`…). */
  readonly outcome: string;
  /** What went wrong in plain words (already scrubbed of secrets); empty when ok. */
  readonly message: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly images: number;
  /** Characters of text turned into speech. */
  readonly characters: number;
  /** Estimate from the user's price table, in US dollars. */
  readonly costUsd: number;
  /** The frame batch this call was made for, if any. */
  readonly batchId: string | null;
}

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

export const BATCH_STATES = ['running', 'paused', 'cancelled', 'done'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

/** A "generate all frames" request: for one shot, a scene, or the whole project. */
export interface BatchRow {
  readonly id: string;
  readonly projectId: string;
  /** `Scene 3`, `Whole project`, `Shot 4A`: shown in the queue panel. */
  readonly label: string;
  readonly state: BatchState;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRow {
  readonly id: string;
  readonly batchId: string;
  readonly projectId: string;
  readonly shotId: string;
  /** Position in the batch: jobs run in board order. */
  readonly order: number;
  readonly status: JobStatus;
  /** Why it failed, in plain words; empty otherwise. */
  readonly error: string;
  /** Who made the frame (`OpenAI`, `Offline sketch`); empty until done. */
  readonly providerLabel: string;
  /** Estimated cost of every attempt this job made, failed ones included. */
  readonly costUsd: number;
  readonly createdAt: number;
  readonly finishedAt: number | null;
}

export type AiDb = FramelineDb & {
  aiVault: EntityTable<VaultRow, 'id'>;
  aiKeys: EntityTable<KeyRow, 'providerId'>;
  aiCalls: EntityTable<CallRow, 'id'>;
  aiSettings: EntityTable<SettingRow, 'key'>;
  aiBatches: EntityTable<BatchRow, 'id'>;
  aiJobs: EntityTable<JobRow, 'id'>;
};

/** The same database seen with its AI tables (declared in db.ts as version 3). */
export function aiTables(db: FramelineDb): AiDb {
  return db as AiDb;
}
