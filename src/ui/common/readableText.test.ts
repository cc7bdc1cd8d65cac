import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLORS } from '../../model/participant';
import { contrastRatio, readableTextOn } from './readableText';

describe('readableTextOn', () => {
  it('gives the WCAG ratios of black and white, and of a colour with itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2f5f8f', '#2f5f8f')).toBe(1);
  });

  it('puts dark text on a light colour and white on a dark one, at least 4.5:1 for both', () => {
    expect(readableTextOn('#b69323')).toBe('#000000');
    expect(readableTextOn('#f0b457')).toBe('#000000');
    expect(readableTextOn('#234a70')).toBe('#ffffff');
    for (const colour of ['#b69323', '#234a70', ...PARTICIPANT_COLORS]) {
      expect(contrastRatio(colour, readableTextOn(colour))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
