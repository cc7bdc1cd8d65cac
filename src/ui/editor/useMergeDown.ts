import { useCallback } from 'react';
import { hasEraser, type Drawing } from '../../model/drawing';
import type { ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { canvasToPng, flattenToCanvas } from './canvas/flatten';
import type { ImageLookup } from './canvas/itemNodes';

/**
 * Merge down that keeps the picture: a layer with eraser strokes is first flattened on its own
 * (its erasers applied to it alone, full opacity — the command bakes the layer's opacity in) and
 * stored, so the erasers cannot reach the layer below. Other layers merge as editable items.
 */
export function useMergeDown(
  session: ProjectSession,
  shotId: ShotId,
  drawing: Drawing,
  aspectRatio: number,
  images: ImageLookup,
  say: (message: string) => void,
): (layerId: string) => void {
  const { assets } = useServices();
  return useCallback(
    (layerId: string) => {
      const layer = drawing.layers.find((l) => l.id === layerId);
      if (!layer) return;
      if (!hasEraser(layer)) {
        session.run('drawing/mergeDown', { shotId, layerId, picture: null });
        return;
      }
      const alone: Drawing = { layers: [{ ...layer, opacity: 1, visible: true }] };
      void canvasToPng(flattenToCanvas(alone, aspectRatio, images, { paper: false }))
        .then((bytes) => assets.put(bytes, 'image/png'))
        .then((picture) => session.run('drawing/mergeDown', { shotId, layerId, picture }))
        .catch((error: unknown) =>
          say(`Not merged: ${error instanceof Error ? error.message : String(error)}`),
        );
    },
    [assets, aspectRatio, drawing, images, say, session, shotId],
  );
}
