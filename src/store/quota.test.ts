import { describe, expect, test, vi } from 'vitest';
import type { AssetStore } from './assets';
import { isQuotaExceeded, onStorageFull, StorageFullError, withQuotaMessages } from './quota';

function failingStore(error: unknown): AssetStore {
  return {
    put: () => Promise.reject(error),
    get: () => Promise.resolve(null),
    has: () => Promise.resolve(false),
  };
}

describe('a full disk', () => {
  test('an asset write over quota becomes a clear message and is reported', async () => {
    const heard = vi.fn();
    const stop = onStorageFull(heard);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = withQuotaMessages(failingStore(quota)).put(new Uint8Array(1), 'image/png');
    await expect(put).rejects.toBeInstanceOf(StorageFullError);
    await expect(put).rejects.toThrow(/browser storage is full.*Everything saved before is safe/);
    expect(heard).toHaveBeenCalledOnce();
    stop();
  });

  test('Dexie wrapping the quota error (inner) is recognised too', () => {
    const wrapped = Object.assign(new Error('AbortError'), {
      name: 'AbortError',
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    expect(isQuotaExceeded(wrapped)).toBe(true);
    expect(isQuotaExceeded(new Error('something else'))).toBe(false);
  });

  test('other failures pass through unchanged', async () => {
    const other = new Error('disk on fire');
    await expect(withQuotaMessages(failingStore(other)).put(new Uint8Array(1), 'x/y')).rejects.toBe(
      other,
    );
  });
});
