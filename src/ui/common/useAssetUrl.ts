import { useEffect, useState } from 'react';
import type { AssetHash } from '../../model/ids';
import { onAssetStored } from '../../store/assetEvents';
import { useServices } from '../app/servicesContext';
import { inertObjectUrl } from './objectUrl';

/**
 * Object URLs of assets, made once per hash and kept for the page's life: the same frame shows in
 * the grid, the inspector and play mode, and a hash's bytes never change.
 */
const urls = new Map<AssetHash, Promise<string | null>>();
/** The hashes whose object URL exists: an arrival changes nothing for them. */
const loaded = new Set<AssetHash>();

export function useAssetUrl(hash: AssetHash | null): string | null {
  const { assets } = useServices();
  const [url, setUrl] = useState<{ hash: AssetHash; url: string | null } | null>(null);
  // Bumped when the bytes of a missing frame arrive (drawn here, or from a peer): look again.
  const [arrivals, setArrivals] = useState(0);
  useEffect(() => {
    if (!hash) return;
    return onAssetStored(hash, () => {
      if (loaded.has(hash)) return;
      urls.delete(hash);
      setArrivals((n) => n + 1);
    });
  }, [hash]);
  useEffect(() => {
    if (!hash) return;
    let live = true;
    let pending = urls.get(hash);
    if (!pending) {
      pending = assets.get(hash).then(
        (blob) => {
          // Missing bytes may arrive later (sketched here, or from a peer): keep asking.
          if (!blob) {
            urls.delete(hash);
            return null;
          }
          loaded.add(hash);
          return inertObjectUrl(blob);
        },
        () => {
          urls.delete(hash); // a failed read may succeed later; do not cache the failure
          return null;
        },
      );
      urls.set(hash, pending);
    }
    void pending.then((resolved) => live && setUrl({ hash, url: resolved }));
    return () => {
      live = false;
    };
  }, [assets, hash, arrivals]);
  return hash && url?.hash === hash ? url.url : null;
}
