import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AssetHash } from '../../model/ids';
import { timelineShots, totalDuration, type ProjectSnapshot } from '../../model/project';
import { buildAudioMixPlan } from '../../render/audioPlan';
import { useServices } from '../app/servicesContext';
import { LiveMix } from './liveMix';
import { soundOf } from './soundBank';

export interface AnimaticPlayer {
  /** Playhead time, ms. */
  readonly time: number;
  readonly playing: boolean;
  readonly totalMs: number;
  play(): void;
  pause(): void;
  toggle(): void;
  /** Moves the playhead; playing goes on from there. */
  seek(t: number): void;
  /** A seek from dragging: when paused, a snippet of the sound there is heard. */
  scrub(t: number): void;
  /** The playhead right now, read from the clock rather than the last drawn frame. */
  now(): number;
}

/** How much sound a scrub lets through: about two frames, enough to find a word. */
const SCRUB_SNIPPET_MS = 80;

interface Clock {
  readonly from: number;
  /** Context time `from` is heard at; undefined while the sound decodes; null: no audio clock. */
  readonly origin: number | null | undefined;
  /** performance.now() when the clock started, for when there is no running audio clock. */
  readonly perf: number;
}

/**
 * The animatic's clock with its sound: the project's mix (the render's plan) plays through Web
 * Audio from the playhead, and the picture follows the audio clock, so what is seen is what is
 * heard. Without a running AudioContext (no Web Audio, or one the browser keeps suspended) time
 * comes from performance.now() instead, so the picture still plays. Used by the timeline's
 * preview and by Play mode.
 */
export function useAnimaticPlayer(
  snapshot: ProjectSnapshot,
  { startMs = 0, autoplay = false }: { startMs?: number; autoplay?: boolean } = {},
): AnimaticPlayer {
  const { assets } = useServices();
  const [mix] = useState(() => new LiveMix(assets));
  const totalMs = totalDuration(snapshot);
  const plan = useMemo(
    () => buildAudioMixPlan(timelineShots(snapshot), snapshot.meta.music, totalMs),
    // The sound depends on the shots and the music only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [snapshot.shots, snapshot.meta.music, totalMs],
  );
  const [time, setTime] = useState(startMs);
  const [playing, setPlaying] = useState(false);
  const clock = useRef<Clock>({ from: startMs, origin: null, perf: performance.now() });
  const planRef = useRef(plan);
  const playingRef = useRef(false);

  const clockTime = useCallback((): number => {
    const c = clock.current;
    if (!playingRef.current || c.origin === undefined) return c.from;
    if (c.origin === null || !mix.running()) return c.from + (performance.now() - c.perf);
    return c.from + Math.max(0, (mix.heardTime() - c.origin) * 1000);
  }, [mix]);

  const startAt = useCallback(
    (from: number) => {
      const started = { from, origin: undefined, perf: performance.now() };
      clock.current = started;
      void mix.play(planRef.current, from).then((origin) => {
        // A later seek or pause replaced this start: its clock is not ours to set.
        if (clock.current !== started) return;
        clock.current = { from, origin, perf: performance.now() };
      });
    },
    [mix],
  );

  // Decode ahead, so pressing play starts the sound at once.
  const keys = [...new Set(plan?.sources.map((s) => s.key) ?? [])].sort().join(',');
  useEffect(() => {
    for (const key of keys ? keys.split(',') : []) void soundOf(key as AssetHash, assets);
  }, [keys, assets]);

  const play = useCallback(() => {
    const at = clockTime();
    playingRef.current = true;
    setPlaying(true);
    // Play at the end starts again from the top.
    startAt(at >= totalMs ? 0 : at);
  }, [clockTime, startAt, totalMs]);

  const pause = useCallback(() => {
    const at = clockTime();
    playingRef.current = false;
    mix.stop();
    clock.current = { from: at, origin: null, perf: performance.now() };
    setTime(at);
    setPlaying(false);
  }, [clockTime, mix]);

  const seek = useCallback(
    (t: number) => {
      const to = Math.max(0, Math.min(totalMs, t));
      setTime(to);
      if (playingRef.current) startAt(to);
      else clock.current = { from: to, origin: null, perf: performance.now() };
    },
    [startAt, totalMs],
  );

  const scrub = useCallback(
    (t: number) => {
      seek(t);
      if (!playingRef.current) void mix.play(planRef.current, clock.current.from, SCRUB_SNIPPET_MS);
    },
    [mix, seek],
  );

  // The picture: one state update per animation frame while playing, stopping at the end.
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      const t = clockTime();
      if (t >= totalMs) {
        playingRef.current = false;
        mix.stop();
        clock.current = { from: totalMs, origin: null, perf: performance.now() };
        setTime(totalMs);
        setPlaying(false);
        return;
      }
      setTime(t);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, totalMs, clockTime, mix]);

  // An edit while playing changes what is heard: pick the sound up again from where it is.
  useEffect(() => {
    planRef.current = plan;
    if (playingRef.current) startAt(clockTime());
    // Only when the plan changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan]);

  // Autoplay (Play mode opens playing) and silence when the player goes away.
  useEffect(() => {
    if (autoplay) play();
    return () => {
      playingRef.current = false;
      mix.stop();
    };
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return {
    time: Math.min(time, totalMs),
    playing,
    totalMs,
    play,
    pause,
    toggle: () => (playingRef.current ? pause() : play()),
    seek,
    scrub,
    now: () => Math.min(totalMs, clockTime()),
  };
}
