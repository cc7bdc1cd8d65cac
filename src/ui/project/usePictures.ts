import { useCallback, useEffect } from 'react';
import type { ShotId } from '../../model/ids';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import {
  pictureNotices,
  putPicturesOnShots,
  type PictureOutcome,
  type PictureTarget,
} from '../../workflows/framePictures';
import { showToast } from '../app/toastStore';
import { useServices } from '../app/servicesContext';
import { fitPictureInBrowser } from '../common/fitPicture';
import { looksLikePicture } from '../common/pictureFiles';

export type PutPictures = (
  files: readonly File[],
  target: PictureTarget,
) => Promise<PictureOutcome>;

/**
 * Puts files on shots (model/picturePlacement.ts says where) and tells the person what happened:
 * what was placed, which shots were made, each refused file and why. Whether a file is a picture
 * is decided by its bytes, in the workflow.
 */
export function usePutPictures(session: ProjectSession): PutPictures {
  const { assets } = useServices();
  return useCallback(
    async (files, target) => {
      const sources = files.map((file) => ({
        name: file.name || 'Pasted picture',
        size: file.size,
        bytes: async () => new Uint8Array(await file.arrayBuffer()),
      }));
      const outcome = await putPicturesOnShots(sources, target, {
        session,
        assets,
        fit: fitPictureInBrowser,
      });
      const numberOf = (id: ShotId) =>
        session.getState().snapshot.shots.find((s) => s.id === id)?.number ?? '?';
      for (const notice of pictureNotices(outcome, numberOf)) showToast(notice);
      return outcome;
    },
    [session, assets],
  );
}

/** Where typing goes: a paste there is text for that field, never a frame. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** A paste counts when focus is on the boards or the inspector (or nowhere in particular). */
const PASTE_AREAS = '.boards-pane, .inspector, .timeline-view';

/**
 * Ctrl+V of a picture puts it on the selected shot, when focus is on the boards or the
 * inspector and not inside a text field (there, a paste is text as always).
 */
export function usePicturePaste(shot: Shot | null, put: PutPictures, disabled: boolean): void {
  useEffect(() => {
    if (!shot || disabled) return;
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target && target !== document.body && !target.closest(PASTE_AREAS)) return;
      const files = [...(e.clipboardData?.files ?? [])].filter(looksLikePicture);
      if (files.length === 0) return;
      e.preventDefault();
      void put(files, { sceneId: shot.sceneId, startShotId: shot.id });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [shot, put, disabled]);
}
