import type { Capability, RouteCapability } from '../../ai/providers/types';

export const CAPABILITY_LABELS: Record<Capability, string> = {
  image: 'frames',
  imageWithReferences: 'character references',
  imageFromDrawing: 'frames from drawings',
  removeBackground: 'background removal',
  text: 'text',
  speech: 'speech',
  imageToVideo: 'image to video',
  vision: 'reads pictures',
};

export const ROUTE_LABELS: Record<RouteCapability, string> = {
  image: 'Frames',
  text: 'Text (prompts, character bible)',
  speech: 'Speech',
};

/** `$0.004`, `$1.27`: small sums keep a significant digit, large ones cents. */
export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (value < 0.01) return `$${value.toPrecision(1)}`;
  return `$${value.toFixed(2)}`;
}
