/**
 * Zip worker: a thin shell that builds timeline packages and image sequences off the main
 * thread. The work lives in src/export/deliver (tested in Node); this file only wires it to
 * comlink and gives it the browser's canvas to re-encode frames. A fresh worker runs each export.
 */
import * as Comlink from 'comlink';
import { convertWithCanvas } from '../src/export/deliver/browserImages';
import { createZipWorkerApi } from '../src/export/deliver/zipWorkerApi';

Comlink.expose(createZipWorkerApi(Comlink.transfer, convertWithCanvas));
