export { backupFileName, bundleFileName, bundleSource, exportBundle } from './exportBundle';
export type { BundleSource, ExportedBundle } from './exportBundle';
export { startBackupWrite, startBundleWrite } from './bundleClient';
export { BUNDLE_EXTENSION, BUNDLE_MIME_TYPE, LIMITS as BUNDLE_LIMITS } from './format';
export { readBundle, type BundleRead, type ValidBundle } from './readBundle';
export { writeBundle } from './writeBundle';
