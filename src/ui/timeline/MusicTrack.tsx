import { useRef } from 'react';
import { DEFAULT_MUSIC_VOLUME, MAX_VOLUME, type MusicTrack as Music } from '../../model/audio';
import { timeToX } from '../../model/timelineEdit';
import { ms } from '../../model/units';
import type { ProjectSession } from '../../store';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';
import { measureAudio } from './decodeAudio';
import { useDecodedSound } from '../audio/useDecodedSound';
import { Waveform } from '../audio/Waveform';
import { secondsText } from '../common/format';

interface Props {
  readonly session: ProjectSession;
  readonly music: Music | null;
}

/**
 * The music lane inside the scrolling tracks: the bed at its real length (it ends where the
 * recording does unless it loops; a loop is marked where it repeats), with its waveform.
 */
export function MusicLane({
  music,
  totalMs,
  pxPerSecond,
}: {
  readonly music: Music | null;
  readonly totalMs: number;
  readonly pxPerSecond: number;
}) {
  const sound = useDecodedSound(music?.assetHash ?? null);
  const lengthMs = sound ? sound.buffer.duration * 1000 : null;
  const loop = music?.loop === true;
  // Until it is decoded its length is unknown: drawn to the end, as the mix may play it.
  const heardMs = lengthMs === null || loop ? totalMs : Math.min(totalMs, lengthMs);
  const width = timeToX(heardMs, pxPerSecond);
  const repeats: number[] = [];
  if (loop && lengthMs !== null && lengthMs > 0) {
    for (let t = lengthMs; t < totalMs; t += lengthMs) repeats.push(t);
  }
  return (
    <div className="track music-track" role="group" aria-label="Music track">
      {music ? (
        <span className="music-block" style={{ width }}>
          <Waveform
            hash={music.assetHash}
            width={width}
            height={20}
            seconds={heardMs / 1000}
            loop={loop}
          />
          {repeats.map((t) => (
            <span
              key={t}
              className="music-repeat"
              style={{ left: timeToX(t, pxPerSecond) }}
              aria-hidden="true"
            />
          ))}
          <span className="music-label">
            ♪ Music · fade in {secondsText(music.fadeInMs)}s · out {secondsText(music.fadeOutMs)}s
            {lengthMs === null ? '' : ` · ${(lengthMs / 1000).toFixed(1)} s`}
            {loop ? ' · loops' : ''}
          </span>
        </span>
      ) : null}
    </div>
  );
}

const DEFAULT_FADE_MS = ms(1000);

/** The music bed under the whole animatic: add or replace it, volume and fades. */
export function MusicControls({ session, music }: Props) {
  const { assets } = useServices();
  const input = useRef<HTMLInputElement | null>(null);
  const update = (patch: Partial<Music>) =>
    music && session.run('project/setMusic', { music: { ...music, ...patch } });

  const add = async (file: File) => {
    try {
      const bytes = await file.arrayBuffer();
      await measureAudio(bytes).catch(() => {
        throw new Error(`“${file.name}” is not audio the browser can play.`);
      });
      const assetHash = await assets.put(new Uint8Array(bytes), file.type || 'audio/mpeg');
      session.run('project/setMusic', {
        music: {
          assetHash,
          volume: DEFAULT_MUSIC_VOLUME,
          fadeInMs: DEFAULT_FADE_MS,
          fadeOutMs: DEFAULT_FADE_MS,
        },
      });
    } catch (error) {
      showError('Music not added', error);
    }
  };

  return (
    <fieldset className="music-controls bare-fieldset" disabled={session.readOnly}>
      <div className="music-buttons">
        <button type="button" className="button quiet" onClick={() => input.current?.click()}>
          {music ? 'Replace music' : 'Add music'}
        </button>
        {music ? (
          <>
            <label className="inline-field">
              <span>Music volume</span>
              <input
                type="range"
                min={0}
                max={MAX_VOLUME}
                step={0.05}
                value={music.volume}
                onChange={(e) => update({ volume: Number(e.target.value) })}
              />
            </label>
            <label className="inline-field">
              <span>Fade in (s)</span>
              <input
                type="number"
                min={0}
                step={0.5}
                value={music.fadeInMs / 1000}
                onChange={(e) =>
                  update({ fadeInMs: ms(Math.max(0, Number(e.target.value) * 1000)) })
                }
              />
            </label>
            <label className="inline-field">
              <span>Fade out (s)</span>
              <input
                type="number"
                min={0}
                step={0.5}
                value={music.fadeOutMs / 1000}
                onChange={(e) =>
                  update({ fadeOutMs: ms(Math.max(0, Number(e.target.value) * 1000)) })
                }
              />
            </label>
            <label className="inline-field">
              <input
                type="checkbox"
                checked={music.loop === true}
                onChange={(e) => update({ loop: e.target.checked })}
              />
              <span>Loop</span>
            </label>
            <button
              type="button"
              className="button quiet"
              onClick={() => session.run('project/setMusic', { music: null })}
            >
              Remove music
            </button>
          </>
        ) : null}
      </div>
      <HiddenFileInput
        ref={input}
        label="Music file"
        accept="audio/*"
        onFile={(file) => void add(file)}
      />
    </fieldset>
  );
}
