import { useEffect, useRef, useState } from 'react';
import { removeBackground } from '../../ai/frames/removeBackground';
import { asProviderError } from '../../ai/providers/errors';
import type { DrawingLayer } from '../../model/drawing';
import type { AssetHash, ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { formatUsd } from '../ai/labels';
import { openSettings } from '../ai/settingsDialogStore';
import { useAi } from '../ai/useAi';
import { cutoutPicture } from './cutoutPicture';

interface Props {
  readonly session: ProjectSession;
  readonly shotId: ShotId;
  /** The active image layer; its first picture is the one cut out. */
  readonly layer: DrawingLayer;
  readonly disabled: boolean;
}

type State =
  /** `said` is about layer `layerId` (shown only while that layer is the active one). */
  | { readonly step: 'idle'; readonly said: string; readonly layerId: string }
  | { readonly step: 'noProvider' }
  | { readonly step: 'busy'; readonly stop: AbortController };

/**
 * "Remove background" for an image layer's picture: sent to an image provider that offers it,
 * with progress and Cancel while it works; the cut-out replaces the picture in one undo step
 * (the item keeps the original). With no such provider it offers to set one up, as the
 * inspector does, instead of failing.
 */
export function RemoveBackground({ session, shotId, layer, disabled }: Props) {
  const ai = useAi();
  const [state, setState] = useState<State>({ step: 'idle', said: '', layerId: '' });
  const cancelRef = useRef<HTMLButtonElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const wasBusy = useRef(false);
  const picture = layer.items.find((item) => item.type === 'image') ?? null;
  const busy = state.step === 'busy';

  // Focus follows the control that replaces the one pressed, so the keyboard keeps its place.
  useEffect(() => {
    if (busy) cancelRef.current?.focus();
    else if (wasBusy.current) actionRef.current?.focus();
    wasBusy.current = busy;
  }, [busy]);

  const run = async () => {
    if (!picture) return;
    if (!(await ai.canRemoveBackground())) return setState({ step: 'noProvider' });
    const stop = new AbortController();
    setState({ step: 'busy', stop });
    let said: string;
    try {
      const image = await cutoutPicture(ai.assets, picture.hash);
      const outcome = await removeBackground(
        { session, router: ai.router, assets: ai.assets },
        { shotId, itemId: picture.id, image, signal: stop.signal },
      );
      said = `Background removed by ${outcome.providerLabel} (about ${formatUsd(
        outcome.costUsd,
      )}). Undo brings the picture back.${outcome.trouble ? ` ${outcome.trouble}` : ''}`;
    } catch (error) {
      said =
        asProviderError(error).kind === 'cancelled'
          ? 'Cancelled: the picture is as it was.'
          : `Background not removed: ${error instanceof Error ? error.message : String(error)}`;
    }
    setState({ step: 'idle', said, layerId: layer.id });
  };

  /** The item's first picture back (itself an undoable step; the cut-out stays in history). */
  const restore = (itemId: string, original: AssetHash | undefined) => {
    if (!original) return;
    const result = session.run('drawing/replaceImage', { shotId, itemId, hash: original });
    setState({
      step: 'idle',
      said: result.ok ? 'The original picture is back.' : result.error.message,
      layerId: layer.id,
    });
  };

  return (
    <div className="editor-cutout" role="group" aria-label="Background removal">
      {state.step === 'busy' ? (
        <div className="editor-cutout-busy">
          <progress aria-label="Removing the background" />
          <button ref={cancelRef} type="button" onClick={() => state.stop.abort()}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="layer-actions">
          <button
            ref={actionRef}
            type="button"
            disabled={disabled || layer.locked || !picture}
            title={picture ? undefined : 'This layer has no picture to cut out'}
            onClick={() => void run()}
          >
            Remove background
          </button>
          {picture?.original ? (
            <button
              type="button"
              disabled={disabled || layer.locked}
              title="Put back the picture as it was before its background was removed"
              onClick={() => restore(picture.id, picture.original)}
            >
              Restore original
            </button>
          ) : null}
        </div>
      )}
      {state.step === 'noProvider' ? (
        <div role="alert" className="editor-cutout-setup">
          <p>
            No provider that removes backgrounds is set up. Stability AI does (Remove Background,
            with your own key).
          </p>
          <button type="button" className="primary" onClick={() => openSettings('providers')}>
            Set up a provider
          </button>
        </div>
      ) : null}
      <p className="editor-hint" role="status">
        {state.step === 'busy'
          ? 'Removing the background…'
          : state.step === 'idle' && state.layerId === layer.id
            ? state.said
            : ''}
      </p>
    </div>
  );
}
