import { afterEach, describe, expect, test } from 'vitest';
import { aiTables, type AiDb, type CallRow } from './aiTables';
import { CallLog } from './callLog';
import { openDb } from './db';

let db: AiDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

function row(at: number, outcome = 'ok', batchId: string | null = null): Omit<CallRow, 'id'> {
  return {
    at,
    providerId: 'p1',
    providerKind: 'openai',
    providerLabel: 'OpenAI',
    model: 'gpt-image-1',
    capability: 'image',
    latencyMs: 900,
    outcome,
    message: '',
    inputTokens: 0,
    outputTokens: 0,
    images: outcome === 'ok' ? 1 : 0,
    characters: 0,
    costUsd: outcome === 'ok' ? 0.04 : 0,
    batchId,
  };
}

describe('call log', () => {
  test('lists attempts since a time, oldest first, and clears', async () => {
    db = aiTables(openDb(`log-${crypto.randomUUID()}`));
    const log = new CallLog(db);
    await log.append(row(30));
    await log.append(row(10, 'server'));
    await log.append(row(20, 'ok', 'b1'));
    expect((await log.list(15)).map((r) => r.at)).toEqual([20, 30]);
    expect((await log.forBatch('b1')).map((r) => r.at)).toEqual([20]);
    await log.clear();
    expect(await log.list()).toEqual([]);
  });
});
