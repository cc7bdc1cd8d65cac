// Thin shell: the logic lives in src/render/renderAnimatic.ts. A fresh worker runs each job and is
// terminated afterwards (renderClient.ts), so nothing here keeps state between jobs.
import * as Comlink from 'comlink';
import { offlineAudioAvailable } from '../src/render/audioMix';
import { renderAnimatic } from '../src/render/renderAnimatic';
import type { RenderWorkerApi } from '../src/render/renderTypes';

const api: RenderWorkerApi = {
  async capabilities() {
    return { offlineAudioContext: offlineAudioAvailable() };
  },
  async renderAnimatic(job, onProgress) {
    const result = await renderAnimatic(job, onProgress);
    // Hand the file over instead of copying it: it can be hundreds of megabytes.
    return Comlink.transfer(result, [result.bytes]);
  },
};

Comlink.expose(api);
