import { useEffect, useRef, useState } from 'react';
import { AUDIO_CLIP_KIND_LABELS, fitToAudio, MAX_VOLUME } from '../../model/audio';
import {
  EASING_LABELS,
  EASINGS,
  framingFor,
  presetFraming,
  type Easing,
  type ShotFraming,
} from '../../model/framing';
import type { Shot } from '../../model/shot';
import {
  DEFAULT_TRANSITION_DURATION_MS,
  TRANSITION_KINDS,
  TRANSITION_LABELS,
  WIPE_DIRECTIONS,
  type Transition,
  type TransitionKind,
  type WipeDirection,
} from '../../model/transition';
import { ms } from '../../model/units';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { measureAudio } from './decodeAudio';
import { attachSound, speakShot } from '../../workflows/shotSound';
import { chooseTake } from '../../model/takes';
import { useAi, useAiSettings } from '../ai/useAi';
import { useRecorder } from './useRecorder';

interface Props {
  readonly session: ProjectSession;
  readonly shot: Shot;
}

/** Seconds of air after the last syllable when fitting a shot to its sound. */
const FIT_TAIL_MS = 300;

/** Camera move, transition to the next shot, and the shot's sound — all undoable edits. */
export function ShotTimingFields({ session, shot }: Props) {
  const { assets } = useServices();
  const framing = framingFor(shot);
  const transition = shot.transitionOut;
  const recorder = useRecorder();
  const audioInput = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const ai = useAi();
  const settings = useAiSettings();
  const [canSpeak, setCanSpeak] = useState(false);
  useEffect(() => {
    let live = true;
    void ai.canDo('speech').then((can) => live && setCanSpeak(can));
    return () => {
      live = false;
    };
  }, [ai, settings]);

  const soundDeps = {
    store: (bytes: Uint8Array, mimeType: string) => assets.put(bytes, mimeType),
    measure: (bytes: Uint8Array) => measureAudio(bytes.slice().buffer),
  };

  const speak = async () => {
    setBusy(true);
    try {
      const spoken = await speakShot(session, shot.id, { ...soundDeps, router: ai.router });
      showToast({ kind: 'info', title: `Spoke ${spoken} line(s) of shot ${shot.number}` });
    } catch (error) {
      showError('Text to speech failed', error);
    } finally {
      setBusy(false);
    }
  };

  const attachAudio = async (
    bytes: ArrayBuffer,
    mimeType: string,
    kind: 'voiceover' | 'import',
  ) => {
    setBusy(true);
    try {
      await attachSound(
        session,
        shot.id,
        { bytes: new Uint8Array(bytes), mimeType, kind },
        soundDeps,
      );
    } catch (error) {
      showError('Sound not added', error);
    } finally {
      setBusy(false);
    }
  };

  const setFraming = (next: ShotFraming | null) =>
    session.run('shot/setFraming', { shotId: shot.id, framing: next });
  const setTransition = (next: Transition) =>
    session.run('shot/setTransition', { shotId: shot.id, transition: next });
  const setEasing = (easing: Easing) => setFraming({ ...framing, easing });

  return (
    <>
      <fieldset className="field">
        <legend>Camera move on screen</legend>
        <div className="field-row">
          <label className="field">
            <span>Easing</span>
            <select value={framing.easing} onChange={(e) => setEasing(e.target.value as Easing)}>
              {EASINGS.map((easing) => (
                <option key={easing} value={easing}>
                  {EASING_LABELS[easing]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button quiet"
            disabled={shot.framing === null}
            onClick={() => setFraming(null)}
            title={`Back to the ${shot.cameraMove} preset`}
          >
            Reset framing
          </button>
        </div>
        <p className="muted small">
          {shot.framing ? 'Custom framing' : `Preset for “${shot.cameraMove}”`} — drag the framing
          on the preview in the Timeline view to change it.
        </p>
        {shot.framing === null && shot.cameraMove !== 'static' ? (
          <button
            type="button"
            className="button quiet"
            onClick={() => setFraming(presetFraming(shot.cameraMove))}
          >
            Customise framing
          </button>
        ) : null}
      </fieldset>
      <fieldset className="field">
        <legend>Transition to next shot</legend>
        <div className="field-row">
          <label className="field">
            <span>Transition</span>
            <select
              value={transition.kind}
              onChange={(e) => {
                const kind = e.target.value as TransitionKind;
                const durationMs =
                  kind === 'cut' ? ms(0) : transition.durationMs || DEFAULT_TRANSITION_DURATION_MS;
                setTransition({ ...transition, kind, durationMs });
              }}
            >
              {TRANSITION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {TRANSITION_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          {transition.kind === 'cut' ? null : (
            <label className="field">
              <span>Transition length (s)</span>
              <input
                type="number"
                min={0.1}
                max={10}
                step={0.1}
                value={transition.durationMs / 1000}
                onChange={(e) => {
                  const seconds = Number(e.target.value);
                  if (Number.isFinite(seconds)) {
                    setTransition({ ...transition, durationMs: ms(seconds * 1000) });
                  }
                }}
              />
            </label>
          )}
          {transition.kind === 'wipe' ? (
            <label className="field">
              <span>Wipe direction</span>
              <select
                value={transition.direction ?? 'right'}
                onChange={(e) =>
                  setTransition({ ...transition, direction: e.target.value as WipeDirection })
                }
              >
                {WIPE_DIRECTIONS.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      </fieldset>
      <fieldset className="field" disabled={busy}>
        <legend>Sound</legend>
        {shot.audio.length === 0 ? <p className="muted small">No sound on this shot.</p> : null}
        {shot.audio.map((clip, i) => (
          <div className="audio-row" key={clip.id}>
            <span className={clip.muted === true ? 'muted' : undefined}>
              {AUDIO_CLIP_KIND_LABELS[clip.kind]} · {(clip.durationMs / 1000).toFixed(1)} s
              {clip.offsetMs !== 0 ? ` at ${(clip.offsetMs / 1000).toFixed(1)} s` : ''}
              {clip.muted === true ? ' · kept take' : ''}
            </span>
            {clip.muted === true ? (
              <button
                type="button"
                className="button quiet"
                aria-label={`Use take ${i + 1}`}
                title="Hear this take again; the voice-over over it is kept instead"
                onClick={() =>
                  session.run('shot/setAudio', {
                    shotId: shot.id,
                    clips: chooseTake(shot.audio, clip.id),
                  })
                }
              >
                Use
              </button>
            ) : null}
            <label className="inline-field">
              <span>Volume {i + 1}</span>
              <input
                type="range"
                min={0}
                max={MAX_VOLUME}
                step={0.05}
                value={clip.volume}
                onChange={(e) =>
                  session.run('shot/setAudioClip', {
                    shotId: shot.id,
                    clip: { ...clip, volume: Number(e.target.value) },
                  })
                }
              />
            </label>
            <button
              type="button"
              className="button quiet"
              aria-label={`Remove sound ${i + 1}`}
              onClick={() =>
                session.run('shot/removeAudioClip', { shotId: shot.id, clipId: clip.id })
              }
            >
              ✕
            </button>
          </div>
        ))}
        <div className="empty-actions">
          {recorder.state === 'recording' ? (
            <button type="button" className="button primary" onClick={recorder.stop}>
              Stop recording
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() =>
                void recorder.start(async (blob) =>
                  attachAudio(await blob.arrayBuffer(), blob.type, 'voiceover'),
                )
              }
            >
              Record voice-over
            </button>
          )}
          <button type="button" className="button" onClick={() => audioInput.current?.click()}>
            Add sound file
          </button>
          <button
            type="button"
            className="button"
            disabled={!canSpeak || shot.dialogue.length === 0}
            title={
              canSpeak
                ? 'Each character keeps one voice'
                : 'Add a speech provider in Settings to use text to speech'
            }
            onClick={() => void speak()}
          >
            Speak dialogue
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={fitToAudio(shot, FIT_TAIL_MS) === null}
            onClick={() => {
              const fitted = session.run('shot/fitToAudio', {
                shotId: shot.id,
                tailMs: FIT_TAIL_MS,
              });
              if (fitted.ok && fitted.value !== null)
                showToast({
                  kind: 'info',
                  title: `Shot ${shot.number} now lasts ${(fitted.value / 1000).toFixed(1)} s`,
                });
            }}
          >
            Fit to audio
          </button>
        </div>
        {recorder.state === 'denied' ? (
          <p className="muted small" role="alert">
            The microphone is blocked for this site. Allow it in the browser’s site settings to
            record.
          </p>
        ) : null}
        <HiddenFileInput
          ref={audioInput}
          label="Sound file"
          accept="audio/*"
          onFile={(file) =>
            void file.arrayBuffer().then((bytes) => attachAudio(bytes, file.type, 'import'))
          }
        />
      </fieldset>
    </>
  );
}
