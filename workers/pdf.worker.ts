/**
 * PDF worker: a thin shell that writes PDF boards off the main thread. The work lives in
 * src/export/pdf (tested in Node); this file only wires it to comlink. A fresh worker runs each
 * export and is terminated afterwards (pdfClient.ts), so the fonts it fetched go with it.
 */
import * as Comlink from 'comlink';
import { createPdfWorkerApi } from '../src/export/pdf/pdfWorkerApi';

Comlink.expose(createPdfWorkerApi(Comlink.transfer));
