import type { SketchInput } from './sketchInput';

/** What workers/sketch.worker.ts exposes over comlink; the client is typed against this. */
export interface SketchWorkerApi {
  /** PNG bytes of the sketch, transferred (not copied) back to the caller. */
  sketch(input: SketchInput, width: number, height: number): Promise<ArrayBuffer>;
}
