import type { AiService } from '../../ai/aiService';
import type { ImageBytes } from '../../ai/providers/types';
import { generateFrame } from '../../ai/frames/generateFrame';
import type { ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { StructuredOutputError } from '../../workflows/pipeline/structured';
import {
  checkFrame,
  regenerationNotes,
  type FrameCheck,
} from '../../workflows/suggestions/frameCheck';

/**
 * Frame checks in this tab, by shot: the inspector can move to another shot and back and still
 * show the score, and a regeneration keeps going meanwhile. The work is frameCheck's and
 * generateFrame's; this holds what the UI shows.
 */
export type FrameCheckView =
  | { readonly kind: 'checking' }
  | { readonly kind: 'checked'; readonly check: FrameCheck }
  | { readonly kind: 'regenerating'; readonly check: FrameCheck }
  | { readonly kind: 'regenerated'; readonly check: FrameCheck; readonly said: string }
  | { readonly kind: 'failed'; readonly said: string; readonly raw: string | null };

/** Vision models read about this many pixels on the long side; more only costs more. */
const CHECK_MAX_SIDE_PX = 1024;
const JPEG_QUALITY = 0.85;
const SENDABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** A frame as checked: its own bytes when small enough, else scaled down to a JPEG. */
async function prepareForCheck(picture: Blob): Promise<ImageBytes> {
  const probe = await createImageBitmap(picture);
  const { width, height } = probe;
  probe.close();
  const scale = Math.min(1, CHECK_MAX_SIDE_PX / Math.max(width, height));
  if (scale === 1 && SENDABLE.has(picture.type))
    return { bytes: new Uint8Array(await picture.arrayBuffer()), mimeType: picture.type };
  const to = { width: Math.round(width * scale), height: Math.round(height * scale) };
  const bitmap = await createImageBitmap(picture, {
    resizeWidth: to.width,
    resizeHeight: to.height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(to.width, to.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot prepare the picture.');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return { bytes: new Uint8Array(await out.arrayBuffer()), mimeType: 'image/jpeg' };
}

type Listener = () => void;
const views = new Map<ShotId, FrameCheckView>();
const listeners = new Set<Listener>();

function set(shotId: ShotId, view: FrameCheckView): void {
  views.set(shotId, view);
  listeners.forEach((l) => l());
}

const words = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const frameChecks = {
  get: (shotId: ShotId): FrameCheckView | undefined => views.get(shotId),
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  async check(ai: AiService, session: ProjectSession, shotId: ShotId): Promise<void> {
    if (views.get(shotId)?.kind === 'checking') return;
    set(shotId, { kind: 'checking' });
    try {
      const check = await checkFrame(
        { router: ai.router, assets: ai.assets, prepare: prepareForCheck },
        session.getState().snapshot,
        shotId,
      );
      set(shotId, { kind: 'checked', check });
    } catch (error) {
      set(shotId, {
        kind: 'failed',
        said: `Could not check the frame: ${words(error)}`,
        raw: error instanceof StructuredOutputError ? error.raw : null,
      });
    }
  },

  /** A new take with the check's notes in its prompt; the checked take stays among the takes. */
  async regenerate(ai: AiService, session: ProjectSession, check: FrameCheck): Promise<void> {
    set(check.shotId, { kind: 'regenerating', check });
    try {
      const outcome = await generateFrame(
        { session, router: ai.router, assets: ai.assets },
        check.shotId,
        { notes: regenerationNotes(check.score) },
      );
      set(check.shotId, {
        kind: 'regenerated',
        check,
        said: outcome.take
          ? `New take by ${outcome.providerLabel}; the checked one stays among the takes.`
          : 'Every image provider failed; the shot kept its frame.',
      });
    } catch (error) {
      set(check.shotId, {
        kind: 'failed',
        said: `Could not regenerate: ${words(error)}`,
        raw: null,
      });
    }
  },

  clear(shotId: ShotId): void {
    views.delete(shotId);
    listeners.forEach((l) => l());
  },
};
