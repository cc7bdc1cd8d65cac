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
    afterPaint(work, { fallbackMs: 50 });
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
    afterPaint(work, { fallbackMs: 50 });
    expect(work).not.toHaveBeenCalled();
    frames.shift()?.();
    expect(work).not.toHaveBeenCalled(); // not inside the frame itself
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('with idle callbacks, runs in the idle period after the frame, not in a task before', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    const idle: { callback: () => void; timeout: number | undefined }[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('requestIdleCallback', (callback: () => void, options?: { timeout?: number }) =>
      idle.push({ callback, timeout: options?.timeout }),
    );
    vi.stubGlobal('document', { visibilityState: 'visible' });
    const work = vi.fn();
    afterPaint(work, { idleWithinMs: 700 });
    expect(idle).toHaveLength(0); // not asked before the frame
    frames.shift()?.();
    vi.advanceTimersByTime(100); // tasks after the frame (a queued message, input) go first
    expect(work).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    expect(idle[0]?.timeout).toBe(700);
    idle[0]?.callback();
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('a visible page that is only busy past the timeout still waits for its frame', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('document', { visibilityState: 'visible' });
    const work = vi.fn();
    afterPaint(work, { fallbackMs: 50 });
    // A long first render: the timeout expires before the frame is painted.
    vi.advanceTimersByTime(400);
    expect(work).not.toHaveBeenCalled();
    frames.shift()?.();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('a hidden page, whose frames do not come, runs on the timeout', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const work = vi.fn();
    afterPaint(work, { fallbackMs: 50 });
    vi.advanceTimersByTime(50);
    expect(work).toHaveBeenCalledTimes(1);
    frames.shift()?.();
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('a visible page that never paints gives up waiting after giveUpMs', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('document', { visibilityState: 'visible' });
    const work = vi.fn();
    afterPaint(work, { fallbackMs: 50, giveUpMs: 1_000 });
    vi.advanceTimersByTime(950);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('cancelled, never runs', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const work = vi.fn();
    const cancel = afterPaint(work, { fallbackMs: 50 });
    cancel();
    frames.shift()?.();
    vi.advanceTimersByTime(100);
    expect(work).not.toHaveBeenCalled();
  });
});
