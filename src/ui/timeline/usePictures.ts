import { useEffect, useState } from 'react';
import type { AssetHash } from '../../model/ids';
import type { Picture, PictureLookup } from '../../render/compose';
import { useServices } from '../app/servicesContext';
import { inertObjectUrl } from '../common/objectUrl';

/**
 * Decoded frames for the preview, by asset hash. Images load as they are needed and stay for the
 * view's life; the lookup changes identity when one arrives, so the canvas redraws.
 */
export function usePictures(hashes: readonly (AssetHash | null)[]): PictureLookup {
  const { assets } = useServices();
  const [images, setImages] = useState<ReadonlyMap<string, Picture>>(new Map());
  const key = [...new Set(hashes.filter((h): h is AssetHash => h !== null))].sort().join(',');

  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    for (const hash of key ? key.split(',') : []) {
      if (images.has(hash)) continue;
      void assets.get(hash as AssetHash).then((blob) => {
        if (!live) return;
        if (!blob) {
          setImages((prev) => new Map(prev).set(hash, { kind: 'missing' }));
          return;
        }
        const url = inertObjectUrl(blob);
        urls.push(url);
        const image = new Image();
        image.onload = () =>
          live && setImages((prev) => new Map(prev).set(hash, { kind: 'image', image }));
        image.onerror = () =>
          live && setImages((prev) => new Map(prev).set(hash, { kind: 'unreadable' }));
        image.src = url;
      });
    }
    return () => {
      live = false;
    };
    // `images` is read to skip what is loaded; re-running on its change would only re-check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assets, key]);

  return (frameKey) =>
    frameKey === null ? { kind: 'none' } : (images.get(frameKey) ?? { kind: 'none' });
}
