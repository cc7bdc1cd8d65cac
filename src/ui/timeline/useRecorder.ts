import { useRef, useState } from 'react';

export type RecorderState = 'idle' | 'recording' | 'denied';

/** Scratch voice-over from the microphone (MediaRecorder). Resolves with the recorded bytes. */
export function useRecorder() {
  const [state, setState] = useState<RecorderState>('idle');
  const recorder = useRef<MediaRecorder | null>(null);

  const start = async (onDone: (blob: Blob) => void) => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setState('denied');
      return;
    }
    const chunks: Blob[] = [];
    const media = new MediaRecorder(stream);
    media.ondataavailable = (e) => chunks.push(e.data);
    media.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      setState('idle');
      onDone(new Blob(chunks, { type: media.mimeType || 'audio/webm' }));
    };
    recorder.current = media;
    media.start();
    setState('recording');
  };

  const stop = () => recorder.current?.stop();
  return { state, start, stop };
}
