import { useEffect, useMemo, useState } from 'react';
import type { Drawing } from '../../model/drawing';
import type { AssetHash } from '../../model/ids';
import { useServices } from '../app/servicesContext';
import type { ImageLookup } from './canvas/itemNodes';

/** Decoded pictures by hash, for the page's life (an asset's bytes never change). */
const decoded = new Map<string, Promise<ImageBitmap | null>>();

function decode(
  assets: { get(hash: AssetHash): Promise<Blob | null | undefined> },
  hash: string,
): Promise<ImageBitmap | null> {
  let pending = decoded.get(hash);
  if (!pending) {
    pending = assets
      .get(hash as AssetHash)
      .then((blob) => (blob ? createImageBitmap(blob) : null))
      .catch(() => null)
      .then((image) => {
        if (!image) decoded.delete(hash); // the bytes may arrive later (from a peer)
        return image;
      });
    decoded.set(hash, pending);
  }
  return pending;
}

/** Every picture a drawing shows (layer bitmaps, image items), plus `extra` (onion skins…). */
export function hashesOf(drawing: Drawing, extra: readonly (string | null)[] = []): string[] {
  const hashes = new Set<string>();
  for (const layer of drawing.layers) {
    if (layer.bitmap) hashes.add(layer.bitmap);
    for (const item of layer.items) if (item.type === 'image') hashes.add(item.hash);
  }
  for (const hash of extra) if (hash) hashes.add(hash);
  return [...hashes].sort();
}

/**
 * Loads the pictures `hashes` name; the lookup it returns is a new function whenever one more
 * arrived, so the canvas redraws the layers that show it.
 */
export function useEditorImages(hashes: readonly string[]): ImageLookup {
  const { assets } = useServices();
  const [loaded, setLoaded] = useState<ReadonlyMap<string, ImageBitmap>>(new Map());
  const key = hashes.join(',');
  useEffect(() => {
    let live = true;
    for (const hash of key ? key.split(',') : []) {
      void decode(assets, hash).then((image) => {
        if (!live || !image) return;
        setLoaded((current) =>
          current.get(hash) === image ? current : new Map(current).set(hash, image),
        );
      });
    }
    return () => {
      live = false;
    };
  }, [assets, key]);
  return useMemo<ImageLookup>(() => (hash) => loaded.get(hash) ?? null, [loaded]);
}
