import { afterEach, describe, expect, test } from 'vitest';
import { aiTables, type AiDb } from './aiTables';
import { openDb } from './db';
import { KeyVault, maskedKey, VaultLockedError } from './keyVault';
import { PBKDF2_ITERATIONS } from './vaultCrypto';

const SECRET = 'sk-test-0123456789abcdefSECRET';

let db: AiDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

function freshDb(): AiDb {
  db = aiTables(openDb(`vault-${crypto.randomUUID()}`));
  return db;
}

/** Everything the database holds, serialised: bytes as text too, so a key in any form shows. */
async function everythingStored(target: AiDb): Promise<string> {
  const parts: string[] = [];
  for (const table of target.tables) {
    for (const row of await table.toArray()) {
      parts.push(
        JSON.stringify(row, (_key, value: unknown) =>
          value instanceof Uint8Array ? new TextDecoder().decode(value) : value,
        ),
      );
    }
  }
  return parts.join('\n');
}

describe('key vault', () => {
  test('a saved key reads back, and is stored only encrypted', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('openai-1', SECRET);
    expect(await vault.get('openai-1')).toBe(SECRET);
    const stored = await everythingStored(db);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain('0123456789abcdef');
  });

  test('the device key cannot be read out by script', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('openai-1', SECRET);
    const row = await db.aiVault.get('kek');
    expect(row?.mode).toBe('device');
    if (row?.mode !== 'device') return;
    expect(row.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', row.key)).rejects.toThrow();
  });

  test('the same key saved twice is two different ciphertexts (fresh IV)', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('a', SECRET);
    const first = (await db.aiKeys.get('a'))!.sealed;
    await vault.put('a', SECRET);
    const second = (await db.aiKeys.get('a'))!.sealed;
    expect(first.iv).not.toEqual(second.iv);
    expect(first.data).not.toEqual(second.data);
  });

  test('a sealed key copied onto another provider does not open', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('a', SECRET);
    const row = (await db.aiKeys.get('a'))!;
    await db.aiKeys.put({ ...row, providerId: 'b' });
    await expect(vault.get('b')).rejects.toThrow('could not be decrypted');
  });

  test('keys are shown masked: the last four characters at most', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('a', SECRET);
    await vault.put('short', 'abc123');
    const hints = await vault.hints();
    expect(maskedKey(hints.get('a')!)).toBe('•••• CRET');
    expect(maskedKey(hints.get('short')!)).toBe('••••••••');
  });

  test('deleting a key removes it', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('a', SECRET);
    await vault.delete('a');
    expect(await vault.get('a')).toBeNull();
    expect(await db.aiKeys.count()).toBe(0);
  });

  test('with a passphrase, keys are locked after a reload until it is entered', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('a', SECRET);
    await vault.usePassphrase('correct horse battery staple');
    expect(await vault.get('a')).toBe(SECRET);
    const row = await db.aiVault.get('kek');
    expect(row?.mode === 'passphrase' && row.iterations).toBeGreaterThanOrEqual(PBKDF2_ITERATIONS);
    expect(await everythingStored(db)).not.toContain('correct horse');

    const reloaded = new KeyVault(db);
    expect(await reloaded.state()).toEqual({ mode: 'passphrase', locked: true });
    await expect(reloaded.get('a')).rejects.toBeInstanceOf(VaultLockedError);
    expect(await reloaded.unlock('wrong')).toBe(false);
    expect(await reloaded.unlock('correct horse battery staple')).toBe(true);
    expect(await reloaded.get('a')).toBe(SECRET);
  });

  test('going back to a device key keeps every key', async () => {
    const vault = new KeyVault(freshDb());
    await vault.put('a', SECRET);
    await vault.usePassphrase('pass');
    await vault.useDeviceKey();
    expect(await new KeyVault(db).get('a')).toBe(SECRET);
    expect(await vault.state()).toEqual({ mode: 'device', locked: false });
  });
});
