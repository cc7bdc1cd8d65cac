import { useCallback, useMemo } from 'react';
import type { ImageItem } from '../../model/drawing';
import type { AssetHash, ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import type { FrameUnits } from './canvas/itemNodes';

export interface ImageLayers {
  /** Stores the bytes (refused unless they are a picture) and puts them on a new image layer. */
  addBytes(bytes: Uint8Array, name: string): Promise<void>;
  /** Puts an already stored picture (the shot's frame) on a new image layer. */
  addHash(hash: AssetHash, name: string): Promise<void>;
}

/** The picture fitted inside the frame, centred, its proportions kept (frame units). */
export function fitInFrame(
  width: number,
  height: number,
  frame: FrameUnits,
): [number, number, number, number] {
  const scale = Math.min((frame.halfWidth * 2) / width, (frame.halfHeight * 2) / height);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  return [-Math.round(w / 2), -Math.round(h / 2), w, h];
}

/** Pictures onto image layers of their own (drawing/addImageLayer), above `aboveLayerId`. */
export function useImageLayers(
  session: ProjectSession,
  shotId: ShotId,
  frame: FrameUnits,
  aboveLayerId: string | null,
  onAdded: (layerId: string) => void,
  say: (message: string) => void,
): ImageLayers {
  const { assets } = useServices();
  const addHash = useCallback(
    async (hash: AssetHash, name: string) => {
      try {
        const blob = await assets.get(hash);
        if (!blob) throw new Error('the picture is not on this device yet');
        const bitmap = await createImageBitmap(blob);
        const points = fitInFrame(bitmap.width, bitmap.height, frame);
        bitmap.close();
        const picture: ImageItem = {
          id: crypto.randomUUID(),
          type: 'image',
          hash,
          points,
          x: 0,
          y: 0,
          rotation: 0,
          scale: 1,
        };
        const layer = { id: crypto.randomUUID(), name: name.slice(0, 80) || 'Image' };
        const result = session.run('drawing/addImageLayer', {
          shotId,
          layer,
          picture,
          aboveLayerId,
        });
        if (result.ok) onAdded(layer.id);
      } catch (error) {
        say(`No image layer: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [aboveLayerId, assets, frame, onAdded, say, session, shotId],
  );
  const addBytes = useCallback(
    async (bytes: Uint8Array, name: string) => {
      try {
        await addHash(await assets.put(bytes, 'image/png'), name);
      } catch (error) {
        say(`No image layer: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [addHash, assets, say],
  );
  return useMemo(() => ({ addBytes, addHash }), [addBytes, addHash]);
}
