/**
 * Length of a recording in ms, read by the browser's decoder. Also proves the bytes are audio
 * the browser can play before they are stored.
 */
export async function measureAudio(bytes: ArrayBuffer): Promise<number> {
  const context = new OfflineAudioContext(1, 1, 44_100);
  const buffer = await context.decodeAudioData(bytes.slice(0));
  return Math.round(buffer.duration * 1000);
}
