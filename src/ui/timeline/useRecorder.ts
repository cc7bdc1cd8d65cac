import { useState, useSyncExternalStore } from 'react';
import { VoiceRecorder } from '../../workflows/voiceRecorder';

/** Scratch voice-over from the microphone (workflows/voiceRecorder.ts), as component state. */
export function useRecorder() {
  const [recorder] = useState(() => new VoiceRecorder());
  const state = useSyncExternalStore(recorder.subscribe, recorder.getState);
  return {
    state,
    start: (onDone: (take: Blob) => void) => recorder.start(onDone),
    stop: () => recorder.stop(),
  };
}
