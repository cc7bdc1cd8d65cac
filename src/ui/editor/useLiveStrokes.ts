import { useCallback, useEffect, useMemo } from 'react';
import type { ShotId } from '../../model/ids';
import { thinStroke } from '../../model/drawingUnits';
import { MAX_LIVE_STROKE_POINTS, type Peer } from '../../model/presence';
import { useCollabRoomOnly } from '../collab/CollabContext';
import { usePeers } from '../collab/usePeers';
import type { EditorCanvas, LiveStroke } from './canvas/EditorCanvas';

/**
 * Live co-drawing: the stroke being drawn here goes to the room's presence (throttled by the
 * canvas, thinned to MAX_LIVE_STROKE_POINTS); the strokes others are drawing on this shot are
 * shown on the canvas until theirs arrive in the document. Returns what the canvas calls.
 */
export function useLiveStrokes(
  shotId: ShotId,
  canvas: EditorCanvas | null,
): { share: (stroke: LiveStroke | null) => void; drawingHere: readonly Peer[] } {
  const room = useCollabRoomOnly();
  const peers = usePeers(room);
  const drawingHere = useMemo(
    () => peers.filter((peer) => peer.state.drawing?.shotId === shotId),
    [peers, shotId],
  );
  useEffect(() => {
    canvas?.setPeerStrokes(
      drawingHere.flatMap((peer) => (peer.state.drawing ? [peer.state.drawing] : [])),
    );
  }, [canvas, drawingHere]);
  const share = useCallback(
    (stroke: LiveStroke | null) => {
      room?.setLiveStroke(
        stroke
          ? {
              shotId,
              tool: stroke.tool,
              color: stroke.color,
              size: stroke.size,
              points: thinStroke(stroke.points, MAX_LIVE_STROKE_POINTS),
            }
          : null,
      );
    },
    [room, shotId],
  );
  // Closing the editor mid-stroke leaves nothing behind on the others' screens.
  useEffect(() => () => room?.setLiveStroke(null), [room]);
  return { share, drawingHere };
}
