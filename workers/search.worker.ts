/**
 * Search worker: a thin shell that keeps the full-text index (MiniSearch) off the main thread.
 * Indexing and ranking live in src/search (tested in Node); this file only wires them to comlink.
 * One worker lives as long as the page.
 */
import * as Comlink from 'comlink';
import { createSearchWorkerApi } from '../src/search/searchWorkerApi';

Comlink.expose(createSearchWorkerApi());
