import type { AiDb, KeyRow, SealedBytes, VaultRow } from './aiTables';
import {
  keyFromPassphrase,
  newDeviceKey,
  newSalt,
  PBKDF2_ITERATIONS,
  seal,
  unseal,
} from './vaultCrypto';

/**
 * API keys, encrypted at rest. Keys are sealed with a key-encryption key (KEK) that is either a
 * non-extractable device key kept in IndexedDB, or derived from the user's passphrase (PBKDF2,
 * 600,000 iterations) and then held only in memory until the tab closes or the user locks.
 *
 * Plain keys leave this class only through `get`, to the code that puts them in a request
 * header (the AI router, per call; nothing keeps them). They are never logged, and errors raised
 * here never include them. Everything else gets `KeyVaultControls`, which cannot read a key.
 */

export type VaultMode = 'device' | 'passphrase';

export interface VaultState {
  readonly mode: VaultMode;
  /** Passphrase mode only: keys cannot be read until the passphrase is entered. */
  readonly locked: boolean;
}

export class VaultLockedError extends Error {
  constructor() {
    super('Your API keys are locked. Enter your passphrase in Settings to unlock them.');
    this.name = 'VaultLockedError';
  }
}

/** Keys shorter than this show no characters at all when masked. */
const MIN_KEY_CHARS_FOR_HINT = 12;
const HINT_CHARS = 4;
const CHECK_TEXT = 'frameline-key-vault';
const CHECK_CONTEXT = 'check';

export function hintOf(secret: string): string {
  return secret.length >= MIN_KEY_CHARS_FOR_HINT ? secret.slice(-HINT_CHARS) : '';
}

/** `•••• 3f9a`: what the UI shows for a saved key. */
export function maskedKey(hint: string): string {
  return hint ? `•••• ${hint}` : '••••••••';
}

/**
 * What code outside the AI layer may do with the vault: see whether it is locked, show masked
 * hints, lock, unlock and change how keys are protected. Never read a key: that is `KeyVault.get`,
 * which only the AI layer holds (src/ai/aiService.ts), and calls per request.
 */
export interface KeyVaultControls {
  state(): Promise<VaultState>;
  subscribe(listener: () => void): () => void;
  hints(): Promise<Map<string, string>>;
  unlock(passphrase: string): Promise<boolean>;
  lock(): void;
  usePassphrase(passphrase: string): Promise<void>;
  useDeviceKey(): Promise<void>;
}

/** The controls of `vault`, as plain functions: holding them gives no way to the vault itself. */
export function controlsOf(vault: KeyVault): KeyVaultControls {
  return {
    state: () => vault.state(),
    subscribe: (listener) => vault.subscribe(listener),
    hints: () => vault.hints(),
    unlock: (passphrase) => vault.unlock(passphrase),
    lock: () => vault.lock(),
    usePassphrase: (passphrase) => vault.usePassphrase(passphrase),
    useDeviceKey: () => vault.useDeviceKey(),
  };
}

export class KeyVault {
  /** The passphrase-derived key while unlocked; device keys are read from the table each time. */
  private unlocked: CryptoKey | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: AiDb) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async state(): Promise<VaultState> {
    const row = await this.db.aiVault.get('kek');
    if (row?.mode === 'passphrase') return { mode: 'passphrase', locked: this.unlocked === null };
    return { mode: 'device', locked: false };
  }

  async put(providerId: string, secret: string): Promise<void> {
    const trimmed = secret.trim();
    if (!trimmed) throw new Error('An empty API key cannot be saved.');
    const sealed = await seal(await this.kek(), trimmed, providerId);
    await this.db.aiKeys.put({ providerId, sealed, hint: hintOf(trimmed), updatedAt: Date.now() });
    this.emit();
  }

  /** The plain key, or null when none is saved. Throws VaultLockedError while locked. */
  async get(providerId: string): Promise<string | null> {
    const row = await this.db.aiKeys.get(providerId);
    if (!row) return null;
    try {
      return await unseal(await this.kek(), row.sealed, providerId);
    } catch (error) {
      if (error instanceof VaultLockedError) throw error;
      // WebCrypto's OperationError says only "the operation failed"; the cause is kept for
      // debugging and carries no key material.
      throw new Error('A saved API key could not be decrypted. Enter the key again in Settings.', {
        cause: error,
      });
    }
  }

  /** Masked hints of every saved key, by provider id: enough to show, never enough to use. */
  async hints(): Promise<Map<string, string>> {
    const rows = await this.db.aiKeys.toArray();
    return new Map(rows.map((row) => [row.providerId, row.hint]));
  }

  async delete(providerId: string): Promise<void> {
    await this.db.aiKeys.delete(providerId);
    this.emit();
  }

  /** Passphrase mode: true when the passphrase opened the vault. */
  async unlock(passphrase: string): Promise<boolean> {
    const row = await this.db.aiVault.get('kek');
    if (row?.mode !== 'passphrase') return true;
    const key = await keyFromPassphrase(passphrase, row.salt, row.iterations);
    try {
      await unseal(key, row.check, CHECK_CONTEXT);
    } catch {
      return false;
    }
    this.unlocked = key;
    this.emit();
    return true;
  }

  lock(): void {
    this.unlocked = null;
    this.emit();
  }

  /**
   * Protects the keys with a passphrase (or changes it): every key is re-sealed with the new
   * key. Needs the vault unlocked. The rewrite is one transaction, so a crash leaves either all
   * keys under the old KEK or all under the new one.
   */
  async usePassphrase(passphrase: string): Promise<void> {
    if (passphrase.length === 0) throw new Error('The passphrase is empty.');
    const salt = newSalt();
    const key = await keyFromPassphrase(passphrase, salt, PBKDF2_ITERATIONS);
    const check = await seal(key, CHECK_TEXT, CHECK_CONTEXT);
    await this.rekey(key, {
      id: 'kek',
      mode: 'passphrase',
      salt,
      iterations: PBKDF2_ITERATIONS,
      check,
    });
    this.unlocked = key;
    this.emit();
  }

  /** Back to a device key: no passphrase to type, keys still encrypted at rest. */
  async useDeviceKey(): Promise<void> {
    const key = await newDeviceKey();
    await this.rekey(key, { id: 'kek', mode: 'device', key });
    this.unlocked = null;
    this.emit();
  }

  private async rekey(key: CryptoKey, row: VaultRow): Promise<void> {
    const rows = await this.db.aiKeys.toArray();
    const resealed: KeyRow[] = [];
    for (const old of rows) {
      const secret = await this.get(old.providerId);
      if (secret === null) continue;
      resealed.push({ ...old, sealed: await seal(key, secret, old.providerId) });
    }
    // WebCrypto is not IndexedDB: everything is computed before the transaction opens, or
    // the transaction would commit while we wait on it.
    await this.db.transaction('rw', this.db.aiVault, this.db.aiKeys, async () => {
      await this.db.aiVault.put(row);
      await this.db.aiKeys.bulkPut(resealed);
    });
  }

  private async kek(): Promise<CryptoKey> {
    const row = await this.db.aiVault.get('kek');
    if (row?.mode === 'passphrase') {
      if (!this.unlocked) throw new VaultLockedError();
      return this.unlocked;
    }
    if (row?.mode === 'device') return row.key;
    return this.createDeviceKey();
  }

  /** First use: makes the device key. Two tabs racing both end up using the one that was stored. */
  private async createDeviceKey(): Promise<CryptoKey> {
    const key = await newDeviceKey();
    return this.db.transaction('rw', this.db.aiVault, async () => {
      const existing = await this.db.aiVault.get('kek');
      if (existing?.mode === 'device') return existing.key;
      if (existing) throw new VaultLockedError();
      const row: VaultRow = { id: 'kek', mode: 'device', key };
      await this.db.aiVault.put(row);
      return key;
    });
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export type { SealedBytes };
