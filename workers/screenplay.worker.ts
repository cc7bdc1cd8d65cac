/**
 * Screenplay worker: a thin shell that reads and plans screenplays off the main thread. The work
 * lives in src/export/screenplayJob.ts (tested in Node); this file only wires it to comlink. A
 * fresh worker runs each job and is terminated afterwards (screenplayClient.ts).
 */
import * as Comlink from 'comlink';
import { createScreenplayWorkerApi } from '../src/export/screenplayWorkerApi';

Comlink.expose(createScreenplayWorkerApi(Comlink.transfer));
