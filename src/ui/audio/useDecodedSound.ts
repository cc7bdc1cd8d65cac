import { useEffect, useState } from 'react';
import type { AssetHash } from '../../model/ids';
import { useServices } from '../app/servicesContext';
import { decodedSound, soundOf, type DecodedSound } from './soundBank';

/** A recording decoded (once for the page, soundBank.ts); undefined until it is, or if it cannot be. */
export function useDecodedSound(hash: string | null): DecodedSound | undefined {
  const { assets } = useServices();
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (hash === null || decodedSound(hash)) return;
    let live = true;
    void soundOf(hash as AssetHash, assets).then((sound) => {
      if (live && sound) setLoaded((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [hash, assets]);
  return hash === null ? undefined : decodedSound(hash);
}
