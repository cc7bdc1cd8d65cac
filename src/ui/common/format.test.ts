import { describe, expect, test } from 'vitest';
import { clockDuration } from './format';

describe('clockDuration', () => {
  test('reads like a clock, to the nearest second', () => {
    expect(clockDuration(1_178_380)).toBe('19:38');
    expect(clockDuration(8_000)).toBe('0:08');
    expect(clockDuration(59_600)).toBe('1:00');
    expect(clockDuration(3_725_000)).toBe('1:02:05');
    expect(clockDuration(-5)).toBe('0:00');
  });
});
