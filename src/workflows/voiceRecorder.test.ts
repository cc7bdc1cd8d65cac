import { describe, expect, test } from 'vitest';
import { VoiceRecorder, type RecorderDeps } from './voiceRecorder';

/** A stand-in for MediaRecorder: start, then stop delivers one chunk and fires onstop. */
class FakeMediaRecorder {
  mimeType = 'audio/webm;codecs=opus';
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  start() {}
  stop() {
    this.ondataavailable?.({ data: new Blob([new Uint8Array([1, 2, 3])]) });
    this.onstop?.();
  }
}

function fakeDeps(allowed: boolean) {
  const stopped: string[] = [];
  const stream = {
    getTracks: () => [{ stop: () => stopped.push('mic') }],
  } as unknown as MediaStream;
  const deps: RecorderDeps = {
    getMicrophone: async () => {
      if (!allowed) throw new DOMException('Permission denied', 'NotAllowedError');
      return stream;
    },
    createRecorder: () => new FakeMediaRecorder() as unknown as MediaRecorder,
  };
  return { deps, stopped };
}

describe('voice recorder', () => {
  test('a take is recorded, handed over with its type, and the microphone released', async () => {
    const { deps, stopped } = fakeDeps(true);
    const recorder = new VoiceRecorder(deps);
    const states: string[] = [];
    recorder.subscribe(() => states.push(recorder.state));
    const takes: Blob[] = [];
    await recorder.start((take) => takes.push(take));
    expect(recorder.state).toBe('recording');
    recorder.stop();
    expect(states).toEqual(['recording', 'idle']);
    expect(takes).toHaveLength(1);
    expect(takes[0]!.type).toBe('audio/webm;codecs=opus');
    expect(takes[0]!.size).toBe(3);
    expect(stopped).toEqual(['mic']);
  });

  test('a blocked microphone is a state, not an exception', async () => {
    const { deps } = fakeDeps(false);
    const recorder = new VoiceRecorder(deps);
    await recorder.start(() => undefined);
    expect(recorder.state).toBe('denied');
  });
});
