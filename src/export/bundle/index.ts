export { backupFileName, bundleFileName, exportBackup, exportBundle } from './exportBundle';
export type { ExportedBundle } from './exportBundle';
export { BUNDLE_EXTENSION, BUNDLE_MIME_TYPE, LIMITS as BUNDLE_LIMITS } from './format';
export { readBundle, type BundleRead, type ValidBundle } from './readBundle';
export { writeBundle } from './writeBundle';
