import { afterEach, describe, expect, test, vi } from 'vitest';
import { afterPaint } from './afterPaint';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterPaint', () => {
  test('without frames, runs after the fallback timeout, once', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    afterPaint(work, 50);
    vi.advanceTimersByTime(49);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('with frames, runs in a task after the next frame, and not again on the timeout', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const work = vi.fn();
    afterPaint(work, 50);
    expect(work).not.toHaveBeenCalled();
    frames.shift()?.();
    expect(work).not.toHaveBeenCalled(); // not inside the frame itself
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('cancelled, never runs', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const work = vi.fn();
    const cancel = afterPaint(work, 50);
    cancel();
    frames.shift()?.();
    vi.advanceTimersByTime(100);
    expect(work).not.toHaveBeenCalled();
  });
});
