import { useEffect, useRef } from 'react';
import { timelineShots } from '../../model/project';
import { shotAtTime } from '../../model/timeline';
import type { ProjectSession } from '../../store';
import { placeRecording, type RecordingPlace } from '../../workflows/shotSound';
import type { AnimaticPlayer } from '../audio/useAnimaticPlayer';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { measureAudio } from './decodeAudio';
import { useRecorder } from './useRecorder';

interface Props {
  readonly session: ProjectSession;
  readonly player: AnimaticPlayer;
}

/**
 * Voice-over recorded while the animatic plays from the playhead: the take lands on the shot
 * that was under the playhead when recording began, at that moment, and punches in over the
 * voice-over there (kept as a take). Stopping, or the end of the animatic, ends the take.
 */
export function RecordOverPreview({ session, player }: Props) {
  const { assets } = useServices();
  const recorder = useRecorder();
  const place = useRef<RecordingPlace | null>(null);
  // A MediaRecorder refuses a second stop while the first is finishing.
  const stopping = useRef(false);
  const recording = recorder.state === 'recording';

  const placeTake = async (blob: Blob) => {
    const at = place.current;
    place.current = null;
    if (!at) return;
    try {
      await placeRecording(
        session,
        at,
        { bytes: new Uint8Array(await blob.arrayBuffer()), mimeType: blob.type },
        {
          store: (bytes, mimeType) => assets.put(bytes, mimeType),
          measure: (bytes) => measureAudio(bytes.slice().buffer),
        },
      );
      const shot = session.getState().snapshot.shots.find((s) => s.id === at.shotId);
      showToast({ kind: 'info', title: `Voice-over recorded on shot ${shot?.number ?? ''}` });
    } catch (error) {
      showError('Voice-over not placed', error);
    }
  };

  const end = () => {
    if (stopping.current) return;
    stopping.current = true;
    recorder.stop();
  };

  const start = () => {
    stopping.current = false;
    // Play first, inside the click: that is what lets the sound start.
    player.play();
    void recorder
      .start((blob) => void placeTake(blob))
      .then(() => {
        const shots = timelineShots(session.getState().snapshot);
        const t = player.now();
        const at = shotAtTime(
          shots.map((s) => s.durationMs),
          t,
        );
        const shot = at ? shots[at.index] : undefined;
        place.current = shot && at ? { shotId: shot.id, offsetMs: at.offset } : null;
      });
  };

  const stop = () => {
    end();
    player.pause();
  };

  // The animatic ended (or was paused) while recording: the take ends there too.
  useEffect(() => {
    if (recording && !player.playing) end();
  });

  // A refused microphone leaves nothing to record over: stop the picture too.
  useEffect(() => {
    if (recorder.state === 'denied' && player.playing) player.pause();
    // Only when the recorder's state changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recorder.state]);

  return (
    <>
      {recording ? (
        <button type="button" className="button primary recording" onClick={stop}>
          Stop recording
        </button>
      ) : (
        <button
          type="button"
          className="button"
          disabled={session.readOnly}
          onClick={start}
          title="Plays the animatic from the playhead and records the microphone over it"
        >
          Record while playing
        </button>
      )}
      {recorder.state === 'denied' ? (
        <span className="muted small" role="alert">
          The microphone is blocked for this site.
        </span>
      ) : null}
    </>
  );
}
