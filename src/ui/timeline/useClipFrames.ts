import { useEffect, useMemo, useRef, useState } from 'react';
import type { AssetHash } from '../../model/ids';
import type { ClipFrameLookup, FrameComposition, LayerVideo } from '../../render/compose';
import { useServices } from '../app/servicesContext';
import { inertObjectUrl } from '../common/objectUrl';

/**
 * Clips for the preview: one muted <video> per clip hash, sought to what the composition at
 * the playhead shows (the render worker decodes the same clips itself). A seek is issued only
 * when none is pending, and each finished seek bumps `version` so the canvas redraws; the frame
 * is copied into a canvas the compose code can draw (a <video>'s `width` is not its picture's).
 * Past a clip's end its last frame holds, as in the render.
 */
export function useClipFrames(
  hashes: readonly (AssetHash | null)[],
  frame: FrameComposition | null,
): { readonly lookup: ClipFrameLookup; readonly version: number } {
  const { assets } = useServices();
  const videos = useRef(new Map<string, { video: HTMLVideoElement; canvas: HTMLCanvasElement }>());
  const [version, setVersion] = useState(0);
  const key = [...new Set(hashes.filter((h): h is AssetHash => h !== null))].sort().join(',');

  useEffect(() => {
    let live = true;
    const made: { video: HTMLVideoElement; url: string }[] = [];
    for (const hash of key ? key.split(',') : []) {
      void assets.get(hash as AssetHash).then((blob) => {
        if (!live || !blob) return;
        const url = inertObjectUrl(blob);
        const video = document.createElement('video');
        video.muted = true;
        video.playsInline = true;
        video.preload = 'auto';
        const bump = () => live && setVersion((v) => v + 1);
        video.addEventListener('loadeddata', bump);
        video.addEventListener('seeked', bump);
        video.src = url;
        made.push({ video, url });
        videos.current.set(hash, { video, canvas: document.createElement('canvas') });
      });
    }
    const held = videos.current;
    return () => {
      live = false;
      for (const { video, url } of made) {
        video.removeAttribute('src');
        video.load();
        URL.revokeObjectURL(url);
      }
      held.clear();
    };
  }, [assets, key]);

  // Seek each visible clip toward the playhead's time (one pending seek per clip at a time).
  const wanted = (frame?.layers ?? [])
    .map((layer) => layer.video)
    .filter((v): v is LayerVideo => v !== null && v !== undefined);
  useEffect(() => {
    for (const video of wanted) {
      const entry = videos.current.get(video.key);
      if (!entry || entry.video.seeking || entry.video.readyState < 1) continue;
      const target = targetSeconds(entry.video, video.atMs);
      if (Math.abs(entry.video.currentTime - target) > SEEK_TOLERANCE_S)
        entry.video.currentTime = target;
    }
  });

  const lookup = useMemo<ClipFrameLookup>(
    () => (video) => {
      const entry = videos.current.get(video.key);
      if (!entry || entry.video.readyState < 2 || entry.video.videoWidth === 0) return null;
      const { video: element, canvas } = entry;
      if (canvas.width !== element.videoWidth) canvas.width = element.videoWidth;
      if (canvas.height !== element.videoHeight) canvas.height = element.videoHeight;
      canvas.getContext('2d')?.drawImage(element, 0, 0);
      return { kind: 'image', image: canvas };
    },
    // A new lookup per finished seek: the canvas redraws with the new frame.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version],
  );
  return { lookup, version };
}

/** Within this of the wanted time a clip is left alone (less than a frame at 24 fps). */
const SEEK_TOLERANCE_S = 0.03;
/** Just before the end, so the last frame shows rather than nothing. */
const END_MARGIN_S = 0.001;

function targetSeconds(video: HTMLVideoElement, atMs: number): number {
  const end = Number.isFinite(video.duration) ? video.duration - END_MARGIN_S : Infinity;
  return Math.max(0, Math.min(end, atMs / 1000));
}
