import { useMemo } from 'react';
import {
  freshLayerName,
  LAYER_KIND_LABELS,
  type DrawingItem,
  type LayerKind,
  type LayerPatch,
} from '../../model/drawing';
import type { ShotId } from '../../model/ids';
import type { LayerFilters } from '../../model/imageFilters';
import type { ProjectSession } from '../../store';

/** The editor's changes, each one command (store/commands/drawingCommands.ts). */
export interface DrawingActions {
  addItem(layerId: string, item: DrawingItem): boolean;
  erase(itemIds: readonly string[]): void;
  transform(items: readonly DrawingItem[]): void;
  addLayer(kind: LayerKind, aboveLayerId: string | null): string | null;
  deleteLayer(layerId: string): void;
  updateLayer(layerId: string, patch: LayerPatch): void;
  moveLayer(layerId: string, index: number): void;
  mergeDown(layerId: string): void;
  clear(layerIds: readonly string[] | null): void;
  setFilters(layerId: string, filters: LayerFilters | null): void;
}

export function useDrawingActions(session: ProjectSession, shotId: ShotId): DrawingActions {
  return useMemo<DrawingActions>(
    () => ({
      addItem: (layerId, item) => session.run('drawing/addItem', { shotId, layerId, item }).ok,
      erase: (itemIds) => void session.run('drawing/erase', { shotId, itemIds }),
      transform: (items) => void session.run('drawing/transform', { shotId, items }),
      addLayer: (kind, aboveLayerId) => {
        const id = crypto.randomUUID();
        // A name of its own ("Pencil 2"): layers are told apart by name, on screen and by
        // assistive technology.
        const taken = session.drawing(shotId).layers.map((layer) => layer.name);
        const name = freshLayerName(LAYER_KIND_LABELS[kind], taken);
        const result = session.run('drawing/addLayer', {
          shotId,
          layer: { id, kind, name },
          aboveLayerId,
        });
        return result.ok ? id : null;
      },
      deleteLayer: (layerId) => void session.run('drawing/deleteLayer', { shotId, layerId }),
      updateLayer: (layerId, patch) =>
        void session.run('drawing/updateLayer', { shotId, layerId, patch }),
      moveLayer: (layerId, index) =>
        void session.run('drawing/moveLayer', { shotId, layerId, index }),
      mergeDown: (layerId) =>
        void session.run('drawing/mergeDown', { shotId, layerId, picture: null }),
      clear: (layerIds) => void session.run('drawing/clear', { shotId, layerIds }),
      setFilters: (layerId, filters) =>
        void session.run('drawing/setFilters', { shotId, layerId, filters }),
    }),
    [session, shotId],
  );
}
