import type { ScheduledSource } from './mixSchedule';

/**
 * Builds the Web Audio graph of a schedule (mixSchedule.ts) on any context, offline or live:
 * one buffer source and gain per recording, into `destination`. `originS` is the context time
 * the schedule's zero falls on. Returns the nodes, so a live player can stop them on a seek.
 */
export function playSchedule(
  context: BaseAudioContext,
  destination: AudioNode,
  schedule: readonly ScheduledSource[],
  buffers: ReadonlyMap<string, AudioBuffer>,
  originS: number,
): AudioBufferSourceNode[] {
  const nodes: AudioBufferSourceNode[] = [];
  for (const item of schedule) {
    const buffer = buffers.get(item.key);
    const [first, ...ramps] = item.gain;
    if (!buffer || !first) continue;
    const node = context.createBufferSource();
    node.buffer = buffer;
    node.loop = item.loop;
    const gain = context.createGain();
    gain.gain.setValueAtTime(first.gain, originS + first.atS);
    for (const point of ramps) gain.gain.linearRampToValueAtTime(point.gain, originS + point.atS);
    node.connect(gain).connect(destination);
    node.start(originS + item.startAtS, item.offsetS);
    node.stop(originS + item.stopAtS);
    // Disconnect once done so a long session of seeks does not pile up idle nodes.
    node.onended = () => gain.disconnect();
    nodes.push(node);
  }
  return nodes;
}
