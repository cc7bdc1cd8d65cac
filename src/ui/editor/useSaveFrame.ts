import { useCallback, useState } from 'react';
import type { Drawing } from '../../model/drawing';
import type { ShotId } from '../../model/ids';
import { newTakeId } from '../../model/take';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { canvasToPng, flattenToCanvas } from './canvas/flatten';
import type { ImageLookup } from './canvas/itemNodes';

export interface FrameSaver {
  /** True when the frame was saved. */
  save(): Promise<boolean>;
  /** The drawing as it was when the frame was last saved (or the editor opened). */
  readonly savedDrawing: Drawing;
  readonly busy: boolean;
  /** What the last save did, in words ('' before any). */
  readonly status: string;
}

/**
 * "Save frame": the drawing flattened at the project's frame size, stored as an asset, and made
 * a take with source 'drawn' that becomes the shot's frame (one undo step). The layers stay.
 */
export function useSaveFrame(
  session: ProjectSession,
  shotId: ShotId,
  drawing: Drawing,
  aspectRatio: number,
  images: ImageLookup,
): FrameSaver {
  const { assets } = useServices();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [savedDrawing, setSavedDrawing] = useState(drawing);
  const save = useCallback(async (): Promise<boolean> => {
    if (busy || session.readOnly) return false;
    setBusy(true);
    setStatus('Saving…');
    try {
      const bytes = await canvasToPng(flattenToCanvas(drawing, aspectRatio, images));
      const hash = await assets.put(bytes, 'image/png');
      const result = session.run('drawing/saveFrame', {
        shotId,
        take: {
          id: newTakeId(),
          hash,
          providerKind: 'drawing',
          providerLabel: 'Drawn',
          model: '',
          prompt: '',
          createdAt: Date.now(),
          source: 'drawn',
        },
      });
      setStatus(result.ok ? 'Saved' : 'Not saved');
      if (result.ok) setSavedDrawing(drawing);
      return result.ok;
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      setBusy(false);
    }
  }, [assets, aspectRatio, busy, drawing, images, session, shotId]);
  return { save, busy, status, savedDrawing };
}
