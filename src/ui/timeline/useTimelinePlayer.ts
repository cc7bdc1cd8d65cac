import { useCallback, useEffect, useRef, useState } from 'react';

export interface TimelinePlayer {
  /** Playhead time, ms. */
  readonly time: number;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  seek(t: number): void;
}

/**
 * The timeline's clock. Time comes from `performance.now()` deltas, not summed ticks, so a slow
 * frame never stretches the animatic; it stops at the end.
 */
export function useTimelinePlayer(totalMs: number): TimelinePlayer {
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const clock = useRef({ startedAt: 0, from: 0 });
  const timeRef = useRef(0);
  useEffect(() => {
    timeRef.current = time;
  }, [time]);

  useEffect(() => {
    if (!playing) return;
    clock.current = {
      startedAt: performance.now(),
      from: timeRef.current >= totalMs ? 0 : timeRef.current,
    };
    let frame = requestAnimationFrame(function tick(now) {
      const t = clock.current.from + Math.max(0, now - clock.current.startedAt);
      if (t >= totalMs) {
        setTime(totalMs);
        setPlaying(false);
        return;
      }
      setTime(t);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, totalMs]);

  const seek = useCallback(
    (t: number) => {
      const clamped = Math.max(0, Math.min(totalMs, t));
      clock.current = { startedAt: performance.now(), from: clamped };
      setTime(clamped);
    },
    [totalMs],
  );

  return {
    time: Math.min(time, totalMs),
    playing,
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    toggle: () => setPlaying((p) => !p),
    seek,
  };
}
