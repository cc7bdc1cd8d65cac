import type { FileImports } from '../app/useFileImports';
import { BundleImportButton } from './BundleImportButton';

/** The header's "Import bundle" button (Storage sits with Settings and Usage: AppHeader). */
export function PwaHeaderActions({ imports }: { readonly imports: FileImports }) {
  return <BundleImportButton imports={imports} />;
}
