import { describe, expect, test } from 'vitest';
import { toastPlace } from './toastPlacement';

const view = { width: 1024, height: 768 };
const column = { width: 340, height: 120 };
const box = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('where the toasts go', () => {
  test('bottom right while nothing is being edited there', () => {
    expect(toastPlace(null, column, view)).toBe('bottom');
    expect(toastPlace(box(20, 700, 300, 40), column, view)).toBe('bottom');
    expect(toastPlace(box(700, 300, 300, 40), column, view)).toBe('bottom');
  });

  test('top right when they would cover the field in the inspector’s foot', () => {
    expect(toastPlace(box(700, 660, 300, 60), column, view)).toBe('top');
  });

  test('on a phone, where the column is the width of the window', () => {
    const phone = { width: 390, height: 844 };
    const wide = { width: 358, height: 90 };
    expect(toastPlace(box(16, 780, 358, 44), wide, phone)).toBe('top');
    expect(toastPlace(box(16, 40, 358, 44), wide, phone)).toBe('bottom');
  });

  test('a field taller than the window stays under the lesser cover', () => {
    expect(toastPlace(box(600, 0, 424, 768), column, view)).toBe('bottom');
    expect(toastPlace(box(600, 200, 424, 568), column, view)).toBe('top');
  });

  test('no toasts, nothing to move', () => {
    expect(toastPlace(box(700, 660, 300, 60), { width: 340, height: 0 }, view)).toBe('bottom');
  });
});
