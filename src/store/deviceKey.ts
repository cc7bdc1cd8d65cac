import { collabTables, type DeviceKeyRow } from './collabTables';
import type { FramelineDb } from './db';

/**
 * This browser's signing key pair (WebCrypto ECDSA P-256), made once and kept in IndexedDB. The
 * private key is created non-extractable: it can sign here and never leaves. Two tabs opening
 * at once may both generate one; the first stored wins and the other is discarded.
 */
export const DEVICE_KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

export interface DeviceKey {
  readonly privateKey: CryptoKey;
  /** Raw public point, base64url. */
  readonly publicKey: string;
}

export async function getDeviceKey(db: FramelineDb): Promise<DeviceKey> {
  const table = collabTables(db).deviceKeys;
  const existing = await table.get('device');
  if (existing) return existing;
  // WebCrypto work happens outside the transaction: awaiting it inside would end it.
  const pair = await crypto.subtle.generateKey(DEVICE_KEY_ALGORITHM, false, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const row: DeviceKeyRow = {
    id: 'device',
    privateKey: pair.privateKey,
    publicKey: toBase64Url(raw),
    createdAt: Date.now(),
  };
  return db.transaction('rw', table, async () => {
    const raced = await table.get('device');
    if (raced) return raced;
    await table.add(row);
    return row;
  });
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
