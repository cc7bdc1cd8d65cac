/**
 * Runs `work` once the page has painted what is on screen now and has nothing more urgent to
 * do: after the next frame, in an idle period (requestIdleCallback, at most `idleWithinMs` later;
 * a task where there is none), so input and other queued tasks go first. Without frames, as in
 * Node or a hidden tab, after a short timeout. For work that must happen soon but not before the
 * person sees the result of what they did, such as offering a just opened document to other
 * tabs (encoding a 1,000-shot document takes ~50–180 ms). Returns the function that cancels it.
 *
 * The timeout is only for pages that get no frames. A visible page whose main thread is merely
 * busy (a big project's first render runs well past 50 ms) still gets its frame, but a timer
 * that expired meanwhile could run before that frame is painted; so while the page is visible
 * the timeout waits again, up to `giveUpMs` in all, for the frame.
 */
export function afterPaint(
  work: () => void,
  { fallbackMs = 50, giveUpMs = 2_000, idleWithinMs = 1_000 } = {},
): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (cancelled) return;
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
    work();
  };
  const frames = typeof requestAnimationFrame === 'function';
  const started = Date.now();
  const fallback = () => {
    timer = null;
    if (cancelled) return;
    if (frames && !pageHidden() && Date.now() - started < giveUpMs) {
      timer = setTimeout(fallback, fallbackMs);
      return;
    }
    run();
  };
  // A hidden tab gets no frames: the timeout is the way there.
  timer = setTimeout(fallback, fallbackMs);
  if (frames) {
    requestAnimationFrame(() => {
      // Asked for during a frame, the idle period is the one after this frame is painted.
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(run, { timeout: idleWithinMs });
      } else setTimeout(run, 0);
    });
  }
  return () => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
  };
}

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
