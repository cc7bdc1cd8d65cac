import { AUDIO_CLIP_KIND_LABELS } from '../../model/audio';
import type { Shot } from '../../model/shot';
import { timeToX, type ClipLayout } from '../../model/timelineEdit';
import { formatDuration, ms } from '../../model/units';
import { Waveform } from '../audio/Waveform';
import { placeSounds } from './soundLanes';

interface Props {
  readonly shots: readonly Shot[];
  readonly layout: readonly ClipLayout[];
  readonly pxPerSecond: number;
  /** Only clips overlapping this span are drawn (what is near the view). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Clicking a clip puts the playhead at its start. */
  readonly onSeek: (t: number) => void;
}

const ROW_PX = 30;
const WAVE_PX = 22;

/**
 * The shots' sound (voice-over, dialogue, text to speech, imported files), each clip at its real
 * time and length with its waveform. A take kept after a punch-in is drawn faded: it is not heard.
 */
export function SoundTrack({ shots, layout, pxPerSecond, fromMs, toMs, onSeek }: Props) {
  const placed = placeSounds(shots, layout);
  const rows = Math.max(1, ...placed.map((p) => p.row + 1));
  return (
    <div
      className="track sound-track"
      role="list"
      aria-label="Sound track"
      style={{ height: rows * ROW_PX }}
    >
      {placed
        .filter((sound) => sound.endMs >= fromMs && sound.startMs <= toMs)
        .map((sound) => {
          const width = Math.max(2, timeToX(sound.endMs - sound.startMs, pxPerSecond));
          const label = `${AUDIO_CLIP_KIND_LABELS[sound.kind]} on ${sound.shotNumber}, ${formatDuration(ms(sound.endMs - sound.startMs))}${sound.muted ? ', kept take (not heard)' : ''}`;
          return (
            <div role="listitem" key={`${sound.shotId}/${sound.clipId}`}>
              <button
                type="button"
                className={`sound-clip${sound.muted ? ' muted' : ''}`}
                style={{
                  left: timeToX(sound.startMs, pxPerSecond),
                  top: sound.row * ROW_PX + 2,
                  width,
                }}
                aria-label={label}
                title={label}
                onClick={() => onSeek(Math.max(0, sound.startMs))}
              >
                <Waveform
                  hash={sound.assetHash}
                  width={width}
                  height={WAVE_PX}
                  seconds={(sound.endMs - sound.startMs) / 1000}
                />
                <span className="sound-label">{sound.shotNumber}</span>
              </button>
            </div>
          );
        })}
    </div>
  );
}
