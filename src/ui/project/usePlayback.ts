import { useCallback, useEffect, useRef, useState } from 'react';
import { shotAtTime, shotStartTimes } from '../../model/timeline';
import type { Milliseconds } from '../../model/units';

export interface Playback {
  readonly index: number;
  /** Time on the timeline, ms. */
  readonly time: number;
  readonly playing: boolean;
  toggle(): void;
  step(delta: -1 | 1): void;
  seekToShot(index: number): void;
}

/**
 * Plays a list of durations in real time. Time is measured from `performance.now()` rather than
 * summed timer ticks, so a slow frame never stretches a shot; a throttled background tab simply
 * catches up.
 */
export function usePlayback(durations: readonly Milliseconds[], startIndex: number): Playback {
  const starts = shotStartTimes(durations);
  const total = durations.reduce((a, b) => a + b, 0);
  const [time, setTime] = useState(() => starts[startIndex] ?? 0);
  const [playing, setPlaying] = useState(true);
  const clock = useRef({ startedAt: performance.now(), from: time });

  useEffect(() => {
    if (!playing) return;
    clock.current = { startedAt: performance.now(), from: time >= total ? 0 : time };
    let frame = requestAnimationFrame(function tick(now) {
      // A frame's timestamp can precede the moment play started: never run backwards.
      const t = clock.current.from + Math.max(0, now - clock.current.startedAt);
      if (t >= total) {
        setTime(total);
        setPlaying(false);
        return;
      }
      setTime(t);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
    // Restart the clock only when play starts or the timeline changes, not on every tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, total]);

  const index = shotAtTime(durations, Math.min(time, Math.max(0, total - 1)))?.index ?? 0;

  const seekToShot = useCallback(
    (target: number) => {
      const clamped = Math.max(0, Math.min(durations.length - 1, target));
      const t = starts[clamped] ?? 0;
      clock.current = { startedAt: performance.now(), from: t };
      setTime(t);
    },
    [durations.length, starts],
  );

  return {
    index,
    time,
    playing,
    toggle: () => setPlaying((p) => !p),
    step: (delta) => seekToShot(index + delta),
    seekToShot,
  };
}
