import type { SealedBytes } from './aiTables';

/**
 * WebCrypto for the key vault. AES-GCM with 256-bit keys; a fresh random IV per message; the
 * provider id as additional data, so a sealed key moved onto another provider's row fails to open.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about half a second on a laptop. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
/** 96 bits: the IV size AES-GCM is specified for. */
export const IV_BYTES = 12;
const AES_KEY_BITS = 256;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function newSalt(): Uint8Array<ArrayBuffer> {
  return randomBytes(SALT_BYTES);
}

/** A key no script can read out: it can only encrypt and decrypt where it is stored. */
export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: AES_KEY_BITS }, false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function keyFromPassphrase(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: AES_KEY_BITS },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(
  key: CryptoKey,
  plaintext: string,
  context: string,
): Promise<SealedBytes> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(plaintext),
  );
  return { iv, data: new Uint8Array(data) };
}

/** Throws (an OperationError) when the key is wrong or the bytes were tampered with. */
export async function unseal(
  key: CryptoKey,
  sealed: SealedBytes,
  context: string,
): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(context) },
    key,
    sealed.data,
  );
  return decoder.decode(plain);
}
