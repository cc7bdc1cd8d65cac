import type { FileImports } from '../app/useFileImports';
import { BundleImportButton } from './BundleImportButton';
import { StorageButton } from './StorageButton';

/** The header's "Import bundle" and "Storage" buttons. */
export function PwaHeaderActions({ imports }: { readonly imports: FileImports }) {
  return (
    <>
      <BundleImportButton imports={imports} />
      <StorageButton />
    </>
  );
}
