/**
 * Runs `work` once the page has painted what is on screen now: in a task after the next frame
 * (without frames, as in Node or a hidden tab, after a short timeout). For work that must happen
 * soon but not before the person sees the result of what they did, such as offering a just
 * opened document to other tabs. Returns the function that cancels it.
 */
export function afterPaint(work: () => void, fallbackMs = 50): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (cancelled) return;
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
    work();
  };
  // A hidden tab gets no frames: the timeout is the way there.
  timer = setTimeout(run, fallbackMs);
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(run, 0));
  }
  return () => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
  };
}
