// Thin shell: runs one ffmpeg.wasm command (src/render/ffmpeg/execTask.ts) and is terminated by
// the render worker right after (src/render/ffmpeg/execClient.ts), so each exec gets a fresh core.
import * as Comlink from 'comlink';
import { runExecTask } from '../src/render/ffmpeg/execTask';
import type { FfmpegWorkerApi } from '../src/render/ffmpeg/execClient';

const api: FfmpegWorkerApi = {
  async run(task, onFrames, onLog) {
    const outputs = await runExecTask(task, { onFrames, onLog });
    return Comlink.transfer(
      outputs,
      Object.values(outputs).map((bytes) => bytes.buffer as ArrayBuffer),
    );
  },
};

Comlink.expose(api);
