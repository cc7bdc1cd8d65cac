import { describe, expect, test } from 'vitest';
import { clockDuration, pagesText, secondsText } from './format';

describe('clockDuration', () => {
  test('reads like a clock, to the nearest second', () => {
    expect(clockDuration(1_178_380)).toBe('19:38');
    expect(clockDuration(8_000)).toBe('0:08');
    expect(clockDuration(59_600)).toBe('1:00');
    expect(clockDuration(3_725_000)).toBe('1:02:05');
    expect(clockDuration(-5)).toBe('0:00');
  });
});

describe('secondsText', () => {
  test('one decimal, never the milliseconds a speaking rate worked out', () => {
    expect(secondsText(7_083)).toBe('7.1');
    expect(secondsText(4_000)).toBe('4.0');
    expect(secondsText(2_549)).toBe('2.5');
    expect(secondsText(250)).toBe('0.3');
    expect(secondsText(61_960)).toBe('62.0');
  });
});

describe('pagesText', () => {
  test('says the unit in words', () => {
    expect(pagesText(0.25)).toBe('0.3 pages');
    expect(pagesText(1)).toBe('1.0 page');
    expect(pagesText(2.04)).toBe('2.0 pages');
  });
});
