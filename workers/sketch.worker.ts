/**
 * Sketch worker: a thin shell that draws sketches off the main thread. All the drawing lives in
 * src/ai/sketch so it is tested in Node; this file only wires it to comlink.
 */
import * as Comlink from 'comlink';
import { renderSketchPng } from '../src/ai/sketch';
import type { SketchWorkerApi } from '../src/ai/sketch/sketchWorkerApi';

const api: SketchWorkerApi = {
  async sketch(input, width, height) {
    const blob = await renderSketchPng(input, width, height);
    const bytes = await blob.arrayBuffer();
    return Comlink.transfer(bytes, [bytes]);
  },
};

Comlink.expose(api);
