import { useLayoutEffect, useRef, useState } from 'react';

/** The scroll position is followed in steps this big (px): clips mount a few at a time. */
const STEP_PX = 200;

/**
 * The horizontal span (px) of a scrolling element that is in view, rounded down to STEP_PX, so
 * the timeline mounts only the clips near it.
 */
export function useScrollSpan() {
  const ref = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState({ left: 0, width: 1200 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const left = Math.floor(el.scrollLeft / STEP_PX) * STEP_PX;
      const width = el.clientWidth + STEP_PX;
      setSpan((s) => (s.left === left && s.width === width ? s : { left, width }));
    };
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    measure();
    return () => {
      resize.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return { ref, ...span };
}
