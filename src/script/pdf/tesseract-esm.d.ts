/**
 * tesseract.js's browser build as an ES module (its package `main` is CommonJS for Node); the
 * types are the package's own. See pdf/ocrEngine.ts.
 */
declare module 'tesseract.js/dist/tesseract.esm.min.js' {
  import Tesseract from 'tesseract.js';
  export default Tesseract;
}
