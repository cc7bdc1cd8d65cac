/**
 * Bundle worker: a thin shell that checks a `.frameline` file off the main thread (unzip, CRCs,
 * SHA-256 of every asset the document uses, the document applied and read). The work lives in
 * src/export/bundle/readBundle.ts (tested in Node); a fresh worker runs each file.
 */
import * as Comlink from 'comlink';
import { createBundleWorkerApi } from '../src/export/bundle/bundleWorkerApi';

Comlink.expose(createBundleWorkerApi(Comlink.transfer));
