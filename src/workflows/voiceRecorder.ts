export type RecorderState = 'idle' | 'recording' | 'denied';

/** The browser pieces a recorder needs; tests pass fakes. */
export interface RecorderDeps {
  readonly getMicrophone: () => Promise<MediaStream>;
  readonly createRecorder: (stream: MediaStream) => MediaRecorder;
}

export const browserRecorderDeps: RecorderDeps = {
  getMicrophone: () => navigator.mediaDevices.getUserMedia({ audio: true }),
  createRecorder: (stream) => new MediaRecorder(stream),
};

/**
 * Scratch voice-over from the microphone: `start` asks for the microphone (a refusal is the
 * `denied` state, with no exception), `stop` ends the take and hands its bytes to `onDone`; the
 * microphone is released as soon as a take ends.
 */
export class VoiceRecorder {
  private current: RecorderState = 'idle';
  private media: MediaRecorder | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: RecorderDeps = browserRecorderDeps) {}

  get state(): RecorderState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): RecorderState => this.current;

  async start(onDone: (take: Blob) => void): Promise<void> {
    if (this.current === 'recording') return;
    let stream: MediaStream;
    try {
      stream = await this.deps.getMicrophone();
    } catch {
      this.set('denied');
      return;
    }
    const chunks: Blob[] = [];
    const media = this.deps.createRecorder(stream);
    media.ondataavailable = (e) => chunks.push(e.data);
    media.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      this.media = null;
      this.set('idle');
      onDone(new Blob(chunks, { type: media.mimeType || 'audio/webm' }));
    };
    this.media = media;
    media.start();
    this.set('recording');
  }

  stop(): void {
    this.media?.stop();
  }

  private set(state: RecorderState) {
    this.current = state;
    for (const listener of this.listeners) listener();
  }
}
